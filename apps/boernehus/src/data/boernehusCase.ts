import type { validateRegistration } from "../domain/course.ts";
import type { CaseFilter } from "../generated/graphql.ts";
import type { CourseStatus, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { Tx } from "./find.ts";
import type { CaseRow } from "./rows.ts";

/** Newest referral first; each filter matches an index on (filter, referralReceivedAt desc). */
export function listCases(
  db: PrismaClient,
  filter: CaseFilter | null | undefined,
  take: number,
  visible: Prisma.BoernehusCaseWhereInput,
): Promise<CaseRow[]> {
  return db.boernehusCase.findMany({
    where: {
      AND: [visible],
      status: filter?.status ?? undefined,
      region: filter?.region ?? undefined,
      municipalityCode: filter?.municipalityCode?.trim() || undefined,
    },
    orderBy: [{ referralReceivedAt: "desc" }, { id: "asc" }],
    take,
  });
}

/** When each of these courses of the municipality closed (null: open); others' courses are left out. */
export function courseStatusesOf(db: PrismaClient, caseIds: string[], municipalityCode: string) {
  return db.boernehusCase
    .findMany({
      where: { id: { in: caseIds }, municipalityCode },
      select: { id: true, closedAt: true },
    })
    .then((rows) => rows.map((r) => ({ caseId: r.id, closedAt: r.closedAt })));
}

/** A course by its id, read in the write's transaction (registering: is it there already?). */
export function courseById(tx: Tx, id: string): Promise<CaseRow | null> {
  return tx.boernehusCase.findUnique({ where: { id } });
}

/** A new course and the people who take part from the start, in that order. */
export async function createCourse(
  tx: Tx,
  data: ReturnType<typeof validateRegistration>,
  participants: readonly Prisma.CaseParticipantUncheckedCreateInput[],
): Promise<CaseRow> {
  const course = await tx.boernehusCase.create({ data });
  for (const participant of participants) await tx.caseParticipant.create({ data: participant });
  return course;
}

/** The course's next status (closing also dates it), on the case as locked with the principal's access (find.ts). */
export function updateCourseStatus(tx: Tx, course: CaseRow, status: CourseStatus, closedAt?: Date): Promise<CaseRow> {
  return tx.boernehusCase.update({ where: { id: course.id }, data: closedAt ? { status, closedAt } : { status } });
}
