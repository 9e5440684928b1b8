import type {
  ActionItem,
  ActivityDecision,
  Assessment,
  BoernehusCase,
  CaseParticipant,
  Consultation,
  CrisisSupportSession,
  EmergencyAccess,
  FinalNote,
  FinalNoteConsideration,
  MeetingParticipant,
  MotivationRecord,
  Recommendation,
  SamraadMeeting,
} from "../generated/prisma/client.ts";

// The shapes resolvers pass around: Prisma rows.
export type CaseRow = BoernehusCase;
export type CaseParticipantRow = CaseParticipant;
export type MeetingRow = SamraadMeeting;
export type MeetingParticipantRow = MeetingParticipant;
export type ActivityDecisionRow = ActivityDecision;
export type ActionItemRow = ActionItem;
export type CrisisSupportSessionRow = CrisisSupportSession;
export type AssessmentRow = Assessment;
export type FinalNoteRow = FinalNote;
export type RecommendationRow = Recommendation;
export type FinalNoteConsiderationRow = FinalNoteConsideration;
export type ConsultationRow = Consultation;
export type EmergencyAccessRow = EmergencyAccess;
export type MotivationRecordRow = MotivationRecord;
