import { assertNotInFuture, nonEmpty } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { createCrisisSupportSession } from "../data/crisisSupport.ts";
import { lockCase } from "../data/find.ts";
import type { CaseRow, CrisisSupportSessionRow } from "../data/rows.ts";
import type { RecordCrisisSupportSessionInput } from "../generated/graphql.ts";
import { assertCourseOpen, assertDuringCourse } from "./course.ts";

/** A crisis-support session (krisesamtale) with the child or a close caregiver, recorded after it was held. */
export function validateCrisisSupportSession(course: CaseRow, input: RecordCrisisSupportSessionInput, now: Date) {
  assertCourseOpen(course);
  assertNotInFuture(input.heldAt, "heldAt", now);
  assertDuringCourse(course, "heldAt", input.heldAt);
  return {
    recipient: input.recipient,
    heldAt: input.heldAt,
    counsellorName: nonEmpty(input.counsellorName, "counsellorName", 200),
    notes: nonEmpty(input.notes, "notes", 20_000),
  };
}

export async function recordCrisisSupportSession(ctx: Context, input: RecordCrisisSupportSessionInput): Promise<CrisisSupportSessionRow> {
  return inTransaction(ctx.db, async (tx) => {
    const course = await lockCase(tx, input.caseId, ctx.access);
    return createCrisisSupportSession(tx, course, validateCrisisSupportSession(course, input, ctx.clock.now()));
  });
}
