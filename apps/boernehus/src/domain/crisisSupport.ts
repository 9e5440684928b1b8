import { assertNotInFuture, nonEmpty } from "@samraad/subgraph-kit";
import type { CaseRow } from "../data/rows.ts";
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
