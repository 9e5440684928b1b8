import { assertNotInFuture, badInput, DomainError } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { assessmentsOfChild } from "../data/childAssessment.ts";
import { inTransaction } from "../data/client.ts";
import { childOrNotFound } from "../data/find.ts";
import { createReferral, referralsOfMunicipality } from "../data/referral.ts";
import type { ChildAssessmentRow, ChildRow, ReferralRow } from "../data/rows.ts";
import type { ReferToBoernehusInput } from "../generated/graphql.ts";
import { assertMayListReferrals } from "./access.ts";
import { ageOn, validateMunicipalityCode } from "./child.ts";

export interface ReferralCriteria {
  suspicionOrKnowledge: boolean;
  childAssessmentDecided: boolean;
  otherSectorInvolved: boolean;
}

const CRITERIA: Array<{ key: keyof ReferralCriteria; text: string }> = [
  { key: "suspicionOrKnowledge", text: "suspicion or knowledge of violence or sexual abuse" },
  { key: "childAssessmentDecided", text: "a decision on a child assessment (BFU)" },
  { key: "otherSectorInvolved", text: "another sector (police or health care) involved" },
];

/**
 * A case goes to the børnehus only when all three criteria hold. When one is missing the
 * right step is a consultation (sparring) with the børnehus, not a referral.
 */
export function assertCriteriaMet(criteria: ReferralCriteria): void {
  const missing = CRITERIA.filter((c) => !criteria[c.key]);
  if (missing.length === 0) return;
  throw new DomainError(
    "CRITERIA_NOT_MET",
    `The case does not meet the criteria for a børnehus referral: missing ${missing.map((c) => c.text).join("; ")}. ` +
      "Consider a consultation (sparring) with the børnehus instead.",
    { missingCriteria: missing.map((c) => c.key) },
  );
}

/** The referral is checked against the municipality's own records: the child's age and the BFU decision. */
export function assertReferable<A extends string>(input: {
  child: ChildRow;
  assessments: ChildAssessmentRow[];
  referredAt: Date;
  childAssessmentDecided: boolean;
  abuseTypes: A[];
  now: Date;
}): A[] {
  assertNotInFuture(input.referredAt, "referredAt", input.now);
  if (input.referredAt.getTime() < input.child.birthDate.getTime()) {
    throw badInput("referredAt cannot be before the child's birth date.", "referredAt");
  }
  if (ageOn(input.child.birthDate, input.referredAt) >= 18) {
    throw badInput("The børnehus is for children aged 0-17; the child was 18 or older at referredAt.", "referredAt");
  }
  if (input.childAssessmentDecided && !input.assessments.some((a) => a.decidedAt.getTime() <= input.referredAt.getTime())) {
    throw badInput(
      "childAssessmentDecided is true, but no child assessment is recorded as decided by referredAt. Record it with decideChildAssessment first.",
      "childAssessmentDecided",
    );
  }
  const abuseTypes = [...new Set(input.abuseTypes)];
  if (abuseTypes.length === 0) throw badInput("abuseTypes must name at least one type of abuse.", "abuseTypes");
  return abuseTypes;
}

/** `first` for a list of referrals: 1 to `max`, 50 when not given. */
export function pageSize(first: number | null | undefined, max: number): number {
  const take = first ?? 50;
  if (!Number.isInteger(take) || take < 1 || take > max) throw badInput(`first must be between 1 and ${max}.`, "first");
  return take;
}

const MAX_PAGE = 200;

export async function listReferrals(ctx: Context, municipalityCode: string, first: number | null | undefined): Promise<ReferralRow[]> {
  const code = validateMunicipalityCode(municipalityCode);
  const take = pageSize(first, MAX_PAGE);
  assertMayListReferrals(ctx.principal, code);
  return referralsOfMunicipality(ctx.db, code, take);
}

export async function referToBoernehus(ctx: Context, input: ReferToBoernehusInput): Promise<ReferralRow> {
  // The criteria come first: a case that misses one should go to a consultation, whatever else is wrong.
  assertCriteriaMet(input);
  return inTransaction(ctx.db, async (tx) => {
    const child = await childOrNotFound(tx, ctx, input.childId);
    const abuseTypes = assertReferable({
      now: ctx.clock.now(),
      child,
      assessments: await assessmentsOfChild(tx, child),
      referredAt: input.referredAt,
      childAssessmentDecided: input.childAssessmentDecided,
      abuseTypes: input.abuseTypes,
    });
    const referral = {
      boernehusRegion: input.boernehusRegion,
      referredAt: input.referredAt,
      suspicionOrKnowledge: input.suspicionOrKnowledge,
      childAssessmentDecided: input.childAssessmentDecided,
      otherSectorInvolved: input.otherSectorInvolved,
      abuseTypes,
      policeReportFiled: input.policeReportFiled,
    };
    return createReferral(tx, child, referral, ctx.principal);
  });
}
