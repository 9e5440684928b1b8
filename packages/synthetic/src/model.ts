/**
 * The synthetic world: one neutral description of every course, from which each
 * subgraph's seeder writes its own part through its own data layer. The enums here
 * match the GraphQL enums of the subgraphs (same names, same values).
 *
 * Everything is generated from a seed. No real person's name, CPR number or address.
 */
import type { CaseSector, Role, Sector } from "@samraad/access";

export type Region = "HOVEDSTADEN" | "SJAELLAND" | "SYDDANMARK" | "MIDTJYLLAND" | "NORDJYLLAND";
export type AbuseType = "PHYSICAL" | "SEXUAL" | "PSYCHOLOGICAL";
export type BurdenLevel = "LOW" | "MODERATE" | "HIGH";
export type Gender = "GIRL" | "BOY";
export type CustodyRelation = "MOTHER" | "FATHER" | "OTHER";
export type NotificationSource = "SCHOOL" | "DAYCARE" | "HEALTH_CARE" | "POLICE" | "FAMILY" | "ANONYMOUS" | "OTHER";
export type InvestigationStatus = "OPEN" | "CHARGED" | "DROPPED" | "CLOSED";
export type VideoInterviewStatus = "BOOKED" | "HELD" | "CANCELLED";
export type SuspectRelation = "PARENT" | "STEP_PARENT" | "SIBLING" | "OTHER_FAMILY" | "KNOWN_ADULT" | "PEER" | "STRANGER" | "UNKNOWN";
export type ExaminationKind = "INITIAL_ASSESSMENT" | "FORENSIC" | "SOMATIC" | "PEDIATRIC";
export type OnwardReferralTarget = "CHILD_PSYCHIATRY" | "PEDIATRICS" | "GENERAL_PRACTITIONER" | "OTHER";
export type CourseType = "FULL_COURSE" | "SAMRAAD_ONLY";
export type CourseStatus = "REFERRED" | "ACTIVE" | "FINAL_NOTE" | "CLOSED";
export type MeetingKind = "PLANNING" | "FOLLOW_UP";
export type MeetingStatus = "PLANNED" | "HELD" | "CANCELLED";
export type Activity =
  | "VIDEO_INTERVIEW"
  | "MEDICAL_EXAMINATION"
  | "CRISIS_SUPPORT"
  | "ASSESSMENT"
  | "SAFETY_PLAN"
  | "POLICE_REPORT"
  | "OTHER";
export type ActionItemStatus = "OPEN" | "IN_PROGRESS" | "DONE" | "CANCELLED";
export type CrisisRecipient = "CHILD" | "CAREGIVER";
export type FinalNoteStatus = "DRAFT" | "SIGNED" | "SENT";

// The ordered vocabularies (measure kinds on the intervention ladder, recommendations, responses): one definition,
// in @samraad/access/vocabulary, which code that names them imports directly.
import type {
  DeclineReason,
  MeasureKind,
  MotivationBarrier,
  MotivationLevel,
  MotivationSetPoint,
  OtherSupportKind,
  RecommendationKind,
  ResponseKind,
} from "@samraad/access/vocabulary";

export interface MunicipalityInfo {
  code: string; // official four-digit code, e.g. "0101"
  name: string;
  region: Region;
  /** Approximate number of children 0-17, for rates per 1,000 children. */
  children: number;
}

export interface Persona {
  /** Stable id used by the development issuer: `POST /dev/token {"persona": id}`. */
  id: string;
  sub: string;
  name: string;
  sector: Sector;
  organisation: string;
  roles: Role[];
  /** Job title in Danish, for the persona picker. */
  title: string;
}

export interface CourseParticipant {
  sub: string;
  name: string;
  sector: CaseSector;
  organisation: string;
  role: Role;
}

export interface SyntheticCourse {
  caseId: string;
  region: Region;
  municipalityCode: string;
  child: { id: string; cpr: string; firstName: string; lastName: string; birthDate: string; gender: Gender };
  custodyHolders: Array<{ id: string; name: string; relation: CustodyRelation; objectsToVideoInterview: boolean }>;
  notification: { id: string; receivedAt: string; source: NotificationSource; concern: string; assessedAt: string | null };
  childAssessment: { id: string; decidedAt: string; completedAt: string | null };
  referral: {
    id: string;
    referredAt: string;
    suspicionOrKnowledge: boolean;
    childAssessmentDecided: boolean;
    otherSectorInvolved: boolean;
    abuseTypes: AbuseType[];
    policeReportFiled: boolean;
  };
  caseworkerAssignments: Array<{ id: string; caseworkerSub: string; caseworkerName: string; from: string; to: string | null }>;
  police: null | {
    reportId: string;
    journalNumber: string;
    district: string;
    reportedAt: string;
    investigationStatus: InvestigationStatus;
    decidedAt: string | null;
    suspect: { id: string; name: string; relation: SuspectRelation };
    videoInterview: null | {
      id: string;
      scheduledAt: string;
      heldAt: string | null;
      status: VideoInterviewStatus;
      interviewerName: string;
      observers: Array<CaseSector>;
    };
  };
  medicalExaminations: Array<{
    id: string;
    kind: ExaminationKind;
    scheduledAt: string;
    performedAt: string | null;
    unit: string;
    hospitalRegion: Region;
    physicianName: string;
    findingsSummary: string | null;
    clinicalDetails: string | null;
  }>;
  onwardReferrals: Array<{ id: string; examinationId: string; target: OnwardReferralTarget; referredAt: string }>;
  course: {
    type: CourseType;
    status: CourseStatus;
    abuseTypes: AbuseType[];
    burdenLevel: BurdenLevel;
    childAgeAtReferral: number;
    referralReceivedAt: string;
    closedAt: string | null;
  };
  participants: CourseParticipant[];
  meetings: Array<{
    id: string;
    kind: MeetingKind;
    status: MeetingStatus;
    scheduledAt: string;
    heldAt: string | null;
    agenda: string;
    minutes: string | null;
    participantSubs: string[];
    decisions: Array<{ id: string; activity: Activity; decision: string; responsibleSector: CaseSector }>;
    actionItems: Array<{
      id: string;
      title: string;
      owningSector: CaseSector;
      dueAt: string;
      status: ActionItemStatus;
      completedAt: string | null;
    }>;
  }>;
  crisisSupport: Array<{ id: string; recipient: CrisisRecipient; heldAt: string; counsellorName: string; notes: string }>;
  assessment: null | { id: string; startedAt: string; completedAt: string | null; summary: string };
  finalNote: null | {
    id: string;
    status: FinalNoteStatus;
    text: string;
    draftedAt: string;
    signedAt: string | null;
    signedBy: string | null;
    sentAt: string | null;
    recommendations: Array<{ id: string; kind: RecommendationKind; description: string }>;
  };
  measures: Array<{ id: string; kind: MeasureKind; ladderStep: number; decidedAt: string; startedAt: string | null }>;
  recommendationResponses: Array<{
    id: string;
    recommendationId: string;
    response: ResponseKind;
    measureId: string | null;
    otherSupport: string | null;
    otherSupportKind: OtherSupportKind | null;
    declineReason: DeclineReason | null;
    respondedAt: string;
    respondedBySub: string;
  }>;
  consultations: Array<{ id: string; heldAt: string; withSector: "BOERNEHUS" | "POLICE"; summary: string }>;
  /** The child's and the family's motivation at the set points (issue 23); left out: none recorded. */
  motivationRecords?: Array<{
    id: string;
    setPoint: MotivationSetPoint;
    childMotivation: MotivationLevel;
    familyMotivation: MotivationLevel;
    barriers: MotivationBarrier[];
    otherBarrier: string | null;
    recordedAt: string;
    recordedBySub: string;
    recordedByName: string;
  }>;
  /** Outcome survey links issued in the course, some answered (surveys.ts). */
  surveys: SyntheticSurvey[];
}

export type SurveyRespondent = "CAREGIVER_FIRST_VISIT" | "CAREGIVER_FOLLOW_UP" | "YOUNG_PERSON" | "SAMRAAD_PARTICIPANT";

export interface SyntheticSurvey {
  id: string;
  respondent: SurveyRespondent;
  issuedAt: string;
  expiresAt: string;
  answeredAt: string | null;
  /** One per default question, by position: 1-5, or null for a skipped question; empty when unanswered. */
  scores: Array<number | null>;
}

export interface SyntheticWorld {
  seed: number;
  municipalities: MunicipalityInfo[];
  personas: Persona[];
  courses: SyntheticCourse[];
}
