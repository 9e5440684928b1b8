import type { Role } from "@samraad/access";
import { badInput, nonEmpty } from "@samraad/subgraph-kit";
import type { MeetingKind, Sector } from "../generated/graphql.ts";
import { assertSamraadSector, type SamraadSector } from "./sector.ts";

/**
 * Who may take part in a samråd, and as what. The case participants are the authority
 * on who sees which case (row-level access builds on them), so a role must be one of
 * the access vocabulary's professional roles, and a sector-specific role must match
 * the sector (a caseworker is municipal, an investigator is police, ...).
 */
const ROLE_SECTORS: Partial<Record<Role, SamraadSector[]>> = {
  caseworker: ["MUNICIPALITY"],
  investigator: ["POLICE"],
  physician: ["HEALTH"],
  coordinator: ["BOERNEHUS"],
  psychologist: ["BOERNEHUS"],
  leader: ["MUNICIPALITY", "POLICE", "HEALTH", "BOERNEHUS"],
};
export const PARTICIPANT_ROLES = Object.keys(ROLE_SECTORS) as Role[];

export interface ParticipantInput {
  sub?: string | null;
  name: string;
  sector: Sector;
  organisation: string;
  role: string;
}

export interface ValidParticipant {
  sub: string | null;
  name: string;
  sector: SamraadSector;
  organisation: string;
  role: Role;
}

/** `prefix` names the input field in errors, e.g. "participants[2]." */
export function validateParticipant(input: ParticipantInput, prefix = ""): ValidParticipant {
  const sub = input.sub == null ? null : nonEmpty(input.sub, `${prefix}sub`, 200);
  const name = nonEmpty(input.name, `${prefix}name`, 200);
  const sector = assertSamraadSector(input.sector, `${prefix}sector`);
  const organisation = nonEmpty(input.organisation, `${prefix}organisation`, 100);
  const role = input.role.trim().toLowerCase() as Role;
  const sectors = ROLE_SECTORS[role];
  if (!sectors) throw badInput(`${prefix}role must be one of ${PARTICIPANT_ROLES.join(", ")}.`, `${prefix}role`);
  if (!sectors.includes(sector)) throw badInput(`${prefix}role ${role} does not belong to the sector ${sector}.`, `${prefix}role`);
  return { sub, name, sector, organisation, role };
}

export function validateCaseParticipant(input: ParticipantInput & { sub: string }): ValidParticipant & { sub: string } {
  const participant = validateParticipant(input);
  // A given sub comes back trimmed and non-empty (or the call threw).
  return { ...participant, sub: participant.sub as string };
}

/**
 * A meeting's participant list. The planning samråd needs at least the municipality
 * (which keeps authority over the case) and the børnehus (which runs the samråd).
 */
export function validateMeetingParticipants(inputs: ParticipantInput[], kind: MeetingKind): ValidParticipant[] {
  if (inputs.length === 0) throw badInput("participants needs at least one participant.", "participants");
  if (inputs.length > 50) throw badInput("participants lists more than 50 people.", "participants");
  const participants = inputs.map((p, i) => validateParticipant(p, `participants[${i}].`));
  const subs = participants.flatMap((p) => (p.sub ? [p.sub] : []));
  if (new Set(subs).size !== subs.length) throw badInput("participants lists the same person (sub) twice.", "participants");
  if (kind === "PLANNING") {
    const sectors = new Set(participants.map((p) => p.sector));
    if (!sectors.has("MUNICIPALITY") || !sectors.has("BOERNEHUS")) {
      throw badInput("A planning samråd needs participants from at least the municipality and the børnehus.", "participants");
    }
  }
  return participants;
}
