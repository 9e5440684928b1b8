import { firstBy, groupBy, uuidsOnly } from "@samraad/subgraph-kit";
import DataLoader from "dataloader";
import type { Db } from "./client.ts";
import type {
  ActionItemRow,
  ActivityDecisionRow,
  AssessmentRow,
  CaseParticipantRow,
  CaseRow,
  ConsultationRow,
  CrisisSupportSessionRow,
  FinalNoteConsiderationRow,
  FinalNoteRow,
  MeetingParticipantRow,
  MeetingRow,
  MotivationRecordRow,
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
export function createLoaders(db: Db) {
  return {
    caseById: one<CaseRow>(
      (ids) => db.keyed.rows<CaseRow>("BoernehusCase", { key: "id", keys: ids }),
      (r) => r.id,
    ),
    meetingById: one<MeetingRow>(
      (ids) => db.keyed.rows<MeetingRow>("SamraadMeeting", { key: "id", keys: ids }),
      (r) => r.id,
    ),
    actionItemById: one<ActionItemRow>(
      (ids) => db.keyed.rows<ActionItemRow>("ActionItem", { key: "id", keys: ids }),
      (r) => r.id,
    ),
    finalNoteById: one<FinalNoteRow>(
      (ids) => db.keyed.rows<FinalNoteRow>("FinalNote", { key: "id", keys: ids }),
      (r) => r.id,
    ),
    recommendationById: one<RecommendationRow>(
      (ids) => db.keyed.rows<RecommendationRow>("Recommendation", { key: "id", keys: ids }),
      (r) => r.id,
    ),

    participantsByCaseId: many<CaseParticipantRow>(
      (ids) =>
        db.keyed.rows<CaseParticipantRow>("CaseParticipant", {
          key: "caseId",
          keys: ids,
          orderBy: [
            ["addedAt", "asc"],
            ["name", "asc"],
          ],
        }),
      (r) => r.caseId,
    ),
    meetingsByCaseId: many<MeetingRow>(
      (ids) => db.keyed.rows<MeetingRow>("SamraadMeeting", { key: "caseId", keys: ids, orderBy: [["scheduledAt", "asc"]] }),
      (r) => r.caseId,
    ),
    meetingParticipantsByMeetingId: many<MeetingParticipantRow>(
      (ids) => db.keyed.rows<MeetingParticipantRow>("MeetingParticipant", { key: "meetingId", keys: ids, orderBy: [["position", "asc"]] }),
      (r) => r.meetingId,
    ),
    decisionsByMeetingId: many<ActivityDecisionRow>(
      (ids) => db.keyed.rows<ActivityDecisionRow>("ActivityDecision", { key: "meetingId", keys: ids, orderBy: [["position", "asc"]] }),
      (r) => r.meetingId,
    ),
    actionItemsByMeetingId: many<ActionItemRow>(
      (ids) =>
        db.keyed.rows<ActionItemRow>("ActionItem", {
          key: "meetingId",
          keys: ids,
          orderBy: [
            ["dueAt", "asc"],
            ["createdAt", "asc"],
          ],
        }),
      (r) => r.meetingId,
    ),
    actionItemsByCaseId: many<ActionItemRow>(
      (ids) =>
        db.keyed.rows<ActionItemRow>("ActionItem", {
          key: "caseId",
          keys: ids,
          orderBy: [
            ["dueAt", "asc"],
            ["createdAt", "asc"],
          ],
        }),
      (r) => r.caseId,
    ),
    crisisSupportByCaseId: many<CrisisSupportSessionRow>(
      (ids) => db.keyed.rows<CrisisSupportSessionRow>("CrisisSupportSession", { key: "caseId", keys: ids, orderBy: [["heldAt", "asc"]] }),
      (r) => r.caseId,
    ),
    assessmentByCaseId: one<AssessmentRow>(
      (ids) => db.keyed.rows<AssessmentRow>("Assessment", { key: "caseId", keys: ids }),
      (r) => r.caseId,
    ),
    finalNoteByCaseId: one<FinalNoteRow>(
      (ids) => db.keyed.rows<FinalNoteRow>("FinalNote", { key: "caseId", keys: ids }),
      (r) => r.caseId,
    ),
    recommendationsByFinalNoteId: many<RecommendationRow>(
      (ids) => db.keyed.rows<RecommendationRow>("Recommendation", { key: "finalNoteId", keys: ids, orderBy: [["position", "asc"]] }),
      (r) => r.finalNoteId,
    ),
    considerationsByFinalNoteId: many<FinalNoteConsiderationRow>(
      (ids) =>
        db.keyed.rows<FinalNoteConsiderationRow>("FinalNoteConsideration", {
          key: "finalNoteId",
          keys: ids,
          orderBy: [["occurredAt", "asc"]],
        }),
      (r) => r.finalNoteId,
    ),
    consultationsByCaseId: many<ConsultationRow>(
      (ids) => db.keyed.rows<ConsultationRow>("Consultation", { key: "caseId", keys: ids, orderBy: [["heldAt", "asc"]] }),
      (r) => r.caseId,
    ),
    // In the course's order: the set point enum is declared in that order.
    motivationRecordsByCaseId: many<MotivationRecordRow>(
      (ids) => db.keyed.rows<MotivationRecordRow>("MotivationRecord", { key: "caseId", keys: ids, orderBy: [["setPoint", "asc"]] }),
      (r) => r.caseId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
