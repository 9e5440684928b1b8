import type { GrantBasis, Principal } from "@samraad/access";
import { assertNotInFuture, badInput, forbidden, nonEmpty } from "@samraad/subgraph-kit";
import type { CaseRow } from "../data/rows.ts";
import type { RecordConsultationInput } from "../generated/graphql.ts";
import { mayWriteCase } from "./caseAccess.ts";
import { assertCourseOpen, assertDuringCourse } from "./course.ts";

/**
 * Who records a consultation (sparring, issue 23.3): its two sides. The municipality responsible
 * for the child (its samråd participants and organisation-wide roles), which consulted the
 * børnehus or the police; and the børnehus that runs the course (or its staff in the samråd),
 * which records its own consultation with the municipality. The caller has passed the case's row
 * rule; the police and health care see the consultations but do not record them.
 */
export function assertMayRecordConsultation(principal: Principal, course: CaseRow, basis: GrantBasis | null, withSector: string): void {
  if (principal.sector === "MUNICIPALITY" && principal.organisation === course.municipalityCode) {
    if (withSector !== "BOERNEHUS" && withSector !== "POLICE") {
      throw badInput("withSector must be BOERNEHUS or POLICE: the municipality consults one of them.", "withSector");
    }
    return;
  }
  if (mayWriteCase(principal, course, basis)) {
    if (withSector !== "BOERNEHUS") {
      throw badInput("withSector must be BOERNEHUS: the børnehus records its own consultations with the municipality.", "withSector");
    }
    return;
  }
  throw forbidden("Only the case's municipality and the børnehus that runs the course record its consultations.");
}

/** A consultation (sparring): the municipality asks the børnehus or the police for advice during the course. */
export function validateConsultation(course: CaseRow, input: RecordConsultationInput, now: Date) {
  assertCourseOpen(course);
  assertNotInFuture(input.heldAt, "heldAt", now);
  assertDuringCourse(course, "heldAt", input.heldAt);
  return { heldAt: input.heldAt, withSector: input.withSector, summary: nonEmpty(input.summary, "summary", 20_000) };
}
