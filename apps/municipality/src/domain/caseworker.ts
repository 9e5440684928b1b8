import type { Principal } from "@samraad/access";
import { assertOrdered, badInput, conflict, forbidden, nonEmpty } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { closeAssignment, createAssignment, currentAssignment } from "../data/caseworkers.ts";
import { inTransaction } from "../data/client.ts";
import { referralOrNotFound } from "../data/find.ts";
import type { CaseworkerAssignmentRow } from "../data/rows.ts";
import type { AssignCaseworkerInput } from "../generated/graphql.ts";

/**
 * A case has at most one current caseworker. A new assignment closes the previous one
 * at the moment it starts, so the history has no gaps or overlaps (continuity is measured on it).
 */
export function planAssignment(
  current: CaseworkerAssignmentRow | null,
  input: { caseworkerSub: string; caseworkerName: string; from: Date },
): { caseworkerSub: string; caseworkerName: string; from: Date } {
  const caseworkerSub = nonEmpty(input.caseworkerSub, "caseworkerSub", 200);
  const caseworkerName = nonEmpty(input.caseworkerName, "caseworkerName", 200);
  if (current) {
    if (current.caseworkerSub === caseworkerSub) throw badInput("This caseworker is already assigned to the case.", "caseworkerSub");
    assertOrdered({ name: "the current assignment's from", value: current.from }, { name: "from", value: input.from });
  }
  return { caseworkerSub, caseworkerName, from: input.from };
}

/** Who may change a case's caseworker: continuity is a leader's decision (issue 23.2). */
export const REASSIGNING_ROLES = ["leader", "system"] as const;

/**
 * The first caseworker of a case is assigned by anyone of the municipality (the referring
 * caseworker takes it); a change, once someone holds the case, only by the municipality's leaders
 * or its case system. The caller has already passed the row rule (the case is the municipality's).
 */
export function assertMayAssign(principal: Principal, current: CaseworkerAssignmentRow | null): void {
  if (current && !principal.roles.some((r) => (REASSIGNING_ROLES as readonly string[]).includes(r))) {
    throw forbidden(`Only a leader of the municipality changes a case's caseworker; ${current.caseworkerName} holds it now.`);
  }
}

export function assignCaseworker(ctx: Context, input: AssignCaseworkerInput): Promise<CaseworkerAssignmentRow> {
  return inTransaction(ctx.db, async (tx) => {
    // Row level first: a case of another municipality is NOT_FOUND, whoever asks.
    const referral = await referralOrNotFound(tx, ctx, input.caseId);
    const current = await currentAssignment(tx, referral);
    assertMayAssign(ctx.principal, current);
    const next = planAssignment(current, input);
    if (current && !(await closeAssignment(tx, current.id, next.from))) {
      throw conflict("The case's caseworker was changed by someone else meanwhile. Reload the case and try again.");
    }
    return createAssignment(tx, referral, next);
  });
}
