import { assertOrdered, badInput, nonEmpty } from "@samraad/subgraph-kit";
import type { CaseworkerAssignmentRow } from "../data/rows.ts";

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
