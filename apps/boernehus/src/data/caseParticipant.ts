import type { ValidParticipant } from "../domain/participants.ts";
import type { Tx } from "./find.ts";
import type { CaseParticipantRow, CaseRow } from "./rows.ts";

/** Who takes part in the case: enough to tell the organisations that serve it, and who is on it already. */
export function participantsOfCase(tx: Tx, course: CaseRow): Promise<Array<Pick<CaseParticipantRow, "sub" | "sector" | "organisation">>> {
  return tx.caseParticipant.findMany({ where: { caseId: course.id }, select: { sub: true, sector: true, organisation: true } });
}

export function participantOfCase(tx: Tx, course: CaseRow, sub: string): Promise<CaseParticipantRow | null> {
  return tx.caseParticipant.findUnique({ where: { caseId_sub: { caseId: course.id, sub } } });
}

/** The participant with this id, if she takes part in this case (an id of another case's participant finds nothing). */
export function participantByIdOfCase(tx: Tx, course: CaseRow, id: string): Promise<CaseParticipantRow | null> {
  return tx.caseParticipant.findFirst({ where: { id, caseId: course.id } });
}

export function removeParticipant(tx: Tx, participant: CaseParticipantRow): Promise<CaseParticipantRow> {
  return tx.caseParticipant.delete({ where: { id: participant.id } });
}

export function addParticipant(tx: Tx, course: CaseRow, participant: ValidParticipant & { sub: string }): Promise<CaseParticipantRow> {
  return tx.caseParticipant.create({ data: { caseId: course.id, ...participant } });
}

/** Invited people who sign in become (or stay) case participants, with the details the invitation gives. */
export async function enrolInvited(tx: Tx, course: CaseRow, invited: readonly ValidParticipant[]): Promise<void> {
  for (const { sub, ...person } of invited) {
    if (!sub) continue;
    await tx.caseParticipant.upsert({
      where: { caseId_sub: { caseId: course.id, sub } },
      create: { caseId: course.id, sub, ...person },
      update: person,
    });
  }
}
