import { assertNotInFuture, badInput, DomainError } from "@samraad/subgraph-kit";
import type { ChildAssessmentRow, ChildRow } from "../data/rows.ts";
import { ageOn } from "./child.ts";

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
