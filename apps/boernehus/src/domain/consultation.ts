import type { GrantBasis, Principal } from "@samraad/access";
import { assertNotInFuture, badInput, forbidden, nonEmpty } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { createConsultation } from "../data/consultation.ts";
import { lockCase } from "../data/find.ts";
import type { CaseRow, ConsultationRow } from "../data/rows.ts";
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

export async function recordConsultation(ctx: Context, input: RecordConsultationInput): Promise<ConsultationRow> {
  return inTransaction(ctx.db, async (tx) => {
    // Row level first: a case the caller may not see is NOT_FOUND; emergency access is read-only.
    const course = await lockCase(tx, input.caseId, ctx.access, "participate");
    assertMayRecordConsultation(ctx.principal, course, await ctx.access.basisWithin(tx, course), input.withSector);
    const consultation = validateConsultation(course, input, ctx.clock.now());
    return createConsultation(tx, course, consultation, { sector: ctx.principal.sector, name: ctx.principal.name });
  });
}
