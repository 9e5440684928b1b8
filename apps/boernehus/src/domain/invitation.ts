import { type BoernehusRegion, HEALTH_ORGANISATION_BY_REGION, type Principal } from "@samraad/access";
import { badInput, conflict, forbidden, notFound } from "@samraad/subgraph-kit";
import { policeDistrictFor } from "@samraad/synthetic";
import type { Context } from "../context.ts";
import {
  addParticipant,
  participantByIdOfCase,
  participantOfCase,
  participantsOfCase,
  removeParticipant,
} from "../data/caseParticipant.ts";
import { inTransaction } from "../data/client.ts";
import { lockCase } from "../data/find.ts";
import type { CaseParticipantRow } from "../data/rows.ts";
import type { AddCaseParticipantInput, RemoveCaseParticipantInput } from "../generated/graphql.ts";
import { assertCourseOpen } from "./course.ts";
import { validateCaseParticipant } from "./participants.ts";
import type { SamraadSector } from "./sector.ts";

/**
 * Inviting someone into a case's samråd (issue 20: the physician who could not be added).
 * Participation is what row access builds on, so who may invite, and whom, are row rules:
 *  - only the coordinators and the leader (or the system) of the børnehus that runs the case;
 *  - only people of the organisations that serve the case: the child's municipality, the
 *    børnehus of the region, health care of that region, and the police district of the child's
 *    municipality (or one already in the samråd, as after a move).
 */
const INVITING_ROLES = ["coordinator", "leader", "system"] as const;

export function assertMayInvite(principal: Principal, course: { region: string }): void {
  const inviting = principal.roles.some((r) => (INVITING_ROLES as readonly string[]).includes(r));
  if (principal.sector !== "BOERNEHUS" || principal.organisation !== course.region || !inviting) {
    throw forbidden("Only the coordinators and the leader of the børnehus that runs the case invite participants.");
  }
}

export interface ServingOrganisation {
  sector: SamraadSector;
  organisation: string;
}

/** The organisations that serve a case, each once, in the order the form offers them. */
export function servingOrganisations(
  course: { region: string; municipalityCode: string },
  inSamraad: ReadonlyArray<{ sector: string; organisation: string }>,
): ServingOrganisation[] {
  const out: ServingOrganisation[] = [
    { sector: "MUNICIPALITY", organisation: course.municipalityCode },
    { sector: "BOERNEHUS", organisation: course.region },
    { sector: "HEALTH", organisation: HEALTH_ORGANISATION_BY_REGION[course.region as BoernehusRegion] },
  ];
  // The district of the child's municipality (reference data: the real districts as of 2024).
  const district = districtOf(course.municipalityCode);
  if (district) out.push({ sector: "POLICE", organisation: district });
  for (const p of inSamraad)
    if (p.sector === "POLICE" && !out.some((o) => o.sector === "POLICE" && o.organisation === p.organisation))
      out.push({ sector: "POLICE", organisation: p.organisation });
  return out;
}

function districtOf(municipalityCode: string): string | null {
  try {
    return policeDistrictFor(municipalityCode).code;
  } catch {
    return null;
  }
}

export function assertServes(
  person: { sector: string; organisation: string },
  serving: readonly ServingOrganisation[],
  field = "organisation",
): void {
  if (serving.some((o) => o.sector === person.sector && o.organisation === person.organisation)) return;
  const of = serving
    .filter((o) => o.sector === person.sector)
    .map((o) => o.organisation)
    .join(", ");
  throw badInput(
    `organisation must be one that serves the case${of ? ` (for ${person.sector}: ${of})` : ""}: invite someone of those organisations.`,
    field,
  );
}

// The write: the rules above, applied to the case as the data layer locks it with the principal's access.

export async function addCaseParticipant(ctx: Context, input: AddCaseParticipantInput): Promise<CaseParticipantRow> {
  const participant = validateCaseParticipant(input);
  return inTransaction(ctx.db, async (tx) => {
    const course = await lockCase(tx, input.caseId, ctx.access);
    assertCourseOpen(course);
    // Who may invite, and only people of the organisations that serve the case (row rules).
    try {
      assertMayInvite(ctx.principal, course);
      assertServes(participant, servingOrganisations(course, await participantsOfCase(tx, course)));
    } catch (refusal) {
      ctx.audit.deny("CaseParticipant", "invite", { caseId: course.id });
      throw refusal;
    }
    ctx.audit.touch("CaseParticipant", "invite", { caseId: course.id });
    const existing = await participantOfCase(tx, course, participant.sub);
    if (existing) throw conflict(`${existing.name} (${participant.sub}) already takes part in the case.`);
    return addParticipant(tx, course, participant);
  });
}

/**
 * Ends a person's participation, which is what row access builds on: a caseworker the
 * municipality replaced (assignCaseworker) otherwise keeps reading the case. Who may remove is
 * who may invite. The participant must be one of this case's (an id from another case is not
 * found), and the børnehus keeps one of its own people, or nobody would run the case. Removal
 * only narrows access, so it is allowed on a closed course too.
 */
export async function removeCaseParticipant(ctx: Context, input: RemoveCaseParticipantInput): Promise<CaseParticipantRow> {
  return inTransaction(ctx.db, async (tx) => {
    const course = await lockCase(tx, input.caseId, ctx.access);
    try {
      assertMayInvite(ctx.principal, course);
    } catch (refusal) {
      ctx.audit.deny("CaseParticipant", "remove", { caseId: course.id });
      throw refusal;
    }
    ctx.audit.touch("CaseParticipant", "remove", { caseId: course.id });
    const participant = await participantByIdOfCase(tx, course, input.participantId);
    if (!participant) throw notFound("The participant of this case");
    if (participant.sector === "BOERNEHUS") {
      const own = (await participantsOfCase(tx, course)).filter((p) => p.sector === "BOERNEHUS");
      if (own.length <= 1)
        throw conflict(`${participant.name} is the børnehus's only participant in the case: invite another of its people first.`);
    }
    return removeParticipant(tx, participant);
  });
}
