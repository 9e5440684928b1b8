import { assertNotInFuture, badInput, nonEmpty } from "@samraad/subgraph-kit";
import type { CaseRow } from "../data/rows.ts";
import type { RecordConsultationInput } from "../generated/graphql.ts";
import { assertCourseOpen, assertDuringCourse } from "./course.ts";

/** A consultation (sparring): the municipality asks the børnehus or the police for advice during the course. */
export function validateConsultation(course: CaseRow, input: RecordConsultationInput, now: Date) {
  assertCourseOpen(course);
  if (input.withSector !== "BOERNEHUS" && input.withSector !== "POLICE") {
    throw badInput("withSector must be BOERNEHUS or POLICE: the municipality consults one of them.", "withSector");
  }
  assertNotInFuture(input.heldAt, "heldAt", now);
  assertDuringCourse(course, "heldAt", input.heldAt);
  return { heldAt: input.heldAt, withSector: input.withSector, summary: nonEmpty(input.summary, "summary", 20_000) };
}
