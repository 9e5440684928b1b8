import { firstBy, groupBy, uuidsOnly } from "@samraad/subgraph-kit";
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type {
  ActionItemRow,
  ActivityDecisionRow,
  AssessmentRow,
  CaseParticipantRow,
  CaseRow,
  ConsultationRow,
  CrisisSupportSessionRow,
  FinalNoteRow,
  MeetingParticipantRow,
  MeetingRow,
  RecommendationRow,
} from "./rows.ts";

type Find<T> = (keys: string[]) => Promise<T[]>;

/** keys → the one row per key (or null), in key order. */
function one<T>(find: Find<T>, keyOf: (row: T) => string) {
  return new DataLoader<string, T | null>(async (keys) => {
    const valid = uuidsOnly(keys);
    return firstBy(keys, valid.length > 0 ? await find(valid) : [], keyOf);
  });
}

/** keys → every row per key (possibly none), in key order. */
function many<T>(find: Find<T>, keyOf: (row: T) => string) {
  return new DataLoader<string, T[]>(async (keys) => {
    const valid = uuidsOnly(keys);
    return groupBy(keys, valid.length > 0 ? await find(valid) : [], keyOf);
  });
}

/**
 * Per-request batching: N cases in one query plan step (the `_entities` call the
 * gateway makes to fetch the børnehus part of N cases) cost one SQL statement per
 * list, not N.
 */
export function createLoaders(db: PrismaClient) {
  return {
    caseById: one<CaseRow>(
      (ids) => db.boernehusCase.findMany({ where: { id: { in: ids } } }),
      (r) => r.id,
    ),
    meetingById: one<MeetingRow>(
      (ids) => db.samraadMeeting.findMany({ where: { id: { in: ids } } }),
      (r) => r.id,
    ),
    actionItemById: one<ActionItemRow>(
      (ids) => db.actionItem.findMany({ where: { id: { in: ids } } }),
      (r) => r.id,
    ),
    finalNoteById: one<FinalNoteRow>(
      (ids) => db.finalNote.findMany({ where: { id: { in: ids } } }),
      (r) => r.id,
    ),
    recommendationById: one<RecommendationRow>(
      (ids) => db.recommendation.findMany({ where: { id: { in: ids } } }),
      (r) => r.id,
    ),

    participantsByCaseId: many<CaseParticipantRow>(
      (ids) => db.caseParticipant.findMany({ where: { caseId: { in: ids } }, orderBy: [{ addedAt: "asc" }, { name: "asc" }] }),
      (r) => r.caseId,
    ),
    meetingsByCaseId: many<MeetingRow>(
      (ids) => db.samraadMeeting.findMany({ where: { caseId: { in: ids } }, orderBy: { scheduledAt: "asc" } }),
      (r) => r.caseId,
    ),
    meetingParticipantsByMeetingId: many<MeetingParticipantRow>(
      (ids) => db.meetingParticipant.findMany({ where: { meetingId: { in: ids } }, orderBy: { position: "asc" } }),
      (r) => r.meetingId,
    ),
    decisionsByMeetingId: many<ActivityDecisionRow>(
      (ids) => db.activityDecision.findMany({ where: { meetingId: { in: ids } }, orderBy: { position: "asc" } }),
      (r) => r.meetingId,
    ),
    actionItemsByMeetingId: many<ActionItemRow>(
      (ids) => db.actionItem.findMany({ where: { meetingId: { in: ids } }, orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }] }),
      (r) => r.meetingId,
    ),
    actionItemsByCaseId: many<ActionItemRow>(
      (ids) => db.actionItem.findMany({ where: { caseId: { in: ids } }, orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }] }),
      (r) => r.caseId,
    ),
    crisisSupportByCaseId: many<CrisisSupportSessionRow>(
      (ids) => db.crisisSupportSession.findMany({ where: { caseId: { in: ids } }, orderBy: { heldAt: "asc" } }),
      (r) => r.caseId,
    ),
    assessmentByCaseId: one<AssessmentRow>(
      (ids) => db.assessment.findMany({ where: { caseId: { in: ids } } }),
      (r) => r.caseId,
    ),
    finalNoteByCaseId: one<FinalNoteRow>(
      (ids) => db.finalNote.findMany({ where: { caseId: { in: ids } } }),
      (r) => r.caseId,
    ),
    recommendationsByFinalNoteId: many<RecommendationRow>(
      (ids) => db.recommendation.findMany({ where: { finalNoteId: { in: ids } }, orderBy: { position: "asc" } }),
      (r) => r.finalNoteId,
    ),
    consultationsByCaseId: many<ConsultationRow>(
      (ids) => db.consultation.findMany({ where: { caseId: { in: ids } }, orderBy: { heldAt: "asc" } }),
      (r) => r.caseId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
