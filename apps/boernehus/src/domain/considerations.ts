import type { DevelopmentsStatement } from "@samraad/access";
import { badInput, DomainError } from "@samraad/subgraph-kit";
import type { CaseDevelopmentKind, ConsideredDevelopmentInput } from "../generated/graphql.ts";

export interface ConsiderationPlan {
  kind: CaseDevelopmentKind;
  recordId: string;
  occurredAt: Date;
}

export const MAX_CONSIDERATIONS = 200;

export const statementInvalid = () =>
  new DomainError(
    "STATEMENT_INVALID",
    "The municipality's list of what happened during the assessment is missing or expired: fetch the case again and save once more.",
    { field: "developmentsStatement" },
  );

/**
 * Which of the municipality's developments the note took into account (issue 23, point 4).
 * The børnehus cannot read the municipality's records, so each named development must be in the
 * municipality's signed statement for this case (verified by the caller), and that statement must
 * run from this case's assessment start: an id of another case, or one the client made up, is not
 * in it and is refused by the same rule as a recommendation of another note (BAD_USER_INPUT,
 * naming the entry). Nothing of the statement is stored but the named items.
 */
export function planConsiderations(
  inputs: readonly ConsideredDevelopmentInput[],
  statement: DevelopmentsStatement | null,
  assessmentStartedAt: Date | null,
): ConsiderationPlan[] {
  if (inputs.length === 0) return [];
  if (inputs.length > MAX_CONSIDERATIONS) {
    throw badInput(`consideredDevelopments lists more than ${MAX_CONSIDERATIONS} developments.`, "consideredDevelopments");
  }
  if (!statement) throw statementInvalid();
  if (!assessmentStartedAt || Date.parse(statement.since) !== assessmentStartedAt.getTime()) {
    // A list from before the assessment was (re)started describes another period.
    throw statementInvalid();
  }
  const stated = new Map(statement.items.map((item) => [`${item.kind}:${item.id.toLowerCase()}`, item]));
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const key = `${input.kind}:${input.recordId.toLowerCase()}`;
    const field = `consideredDevelopments[${i}]`;
    const item = stated.get(key);
    if (!item) throw badInput(`${field} is not something that happened in this case during the assessment.`, field);
    if (seen.has(key)) throw badInput(`${field} is listed twice.`, field);
    seen.add(key);
    return { kind: input.kind, recordId: item.id.toLowerCase(), occurredAt: new Date(item.at) };
  });
}
