import { randomUUID } from "node:crypto";
import type { Principal } from "@samraad/access";
import { callSubgraph, runSubgraph, type SubgraphInstance } from "@samraad/subgraph-kit";
import { expect } from "vitest";
import { boernehus } from "../src/app.ts";
import type { BoernehusConfig } from "../src/config.ts";
import type { Db } from "../src/data/client.ts";

process.env.SAMRAAD_INTERNAL_SECRET ??= "test-secret-test-secret-test-secret-0123";

// Synthetic test personas (no real people).
export const coordinator: Principal = {
  sub: "persona:test-coordinator-hovedstaden",
  name: "Test Koordinator",
  sector: "BOERNEHUS",
  organisation: "HOVEDSTADEN",
  roles: ["coordinator"],
};
export const caseworker: Principal = {
  sub: "persona:test-caseworker-0101",
  name: "Test Rådgiver",
  sector: "MUNICIPALITY",
  organisation: "0101",
  roles: ["caseworker"],
};
export const investigator: Principal = {
  sub: "persona:test-investigator-kbh",
  name: "Test Efterforsker",
  sector: "POLICE",
  organisation: "KBH",
  roles: ["investigator"],
};
export const physician: Principal = {
  sub: "persona:test-physician-rh",
  name: "Test Læge",
  sector: "HEALTH",
  organisation: "REGION_H",
  roles: ["physician"],
};
export const analyst: Principal = {
  sub: "persona:test-analyst",
  name: "Test Analytiker",
  sector: "NATIONAL",
  organisation: "SBST",
  roles: ["analyst"],
};

/** A leader: an organisation-wide role, so they see every case their organisation owns (and no other). */
export function leaderOf(sector: Principal["sector"], organisation: string): Principal {
  return {
    sub: `persona:test-leader-${sector.toLowerCase()}-${organisation.toLowerCase()}`,
    name: `Test Leder ${organisation}`,
    sector,
    organisation,
    roles: ["leader"],
  };
}

export const asParticipant = (p: Principal) => ({
  sub: p.sub,
  name: p.name,
  sector: p.sector,
  organisation: p.organisation,
  role: p.roles[0],
});

export type Response = Awaited<ReturnType<typeof callSubgraph>>;

export interface Harness {
  sg: SubgraphInstance<Db, BoernehusConfig>;
  db: Db;
  call(principal: Principal, query: string, variables?: Record<string, unknown>): Promise<Response>;
  /** Calls and expects no errors; returns `data[field]`. */
  ok<T = Record<string, unknown>>(principal: Principal, query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export async function startBoernehus(): Promise<Harness> {
  const sg = await runSubgraph(boernehus, { database: "test" });
  const call = (principal: Principal, query: string, variables?: Record<string, unknown>) =>
    callSubgraph(sg.url, "boernehus", principal, query, variables);
  return {
    sg,
    db: sg.client,
    call,
    async ok<T>(principal: Principal, query: string, variables?: Record<string, unknown>): Promise<T> {
      const res = await call(principal, query, variables);
      expect(res.body.errors).toBeUndefined();
      const data = res.body.data ?? {};
      return Object.values(data)[0] as T;
    },
    stop: () => sg.stop(),
  };
}

/** The first error's code and field, for `toMatchObject`. */
export function firstError(res: Response) {
  const error = res.body.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message, path: error?.path };
}

export const REFERRAL = "2026-03-01T09:00:00.000Z";

export const M = {
  register: `mutation($input: RegisterCourseInput!) { registerCourse(input: $input) { id status region municipalityCode abuseTypes referralReceivedAt } }`,
  addParticipant: `mutation($input: AddCaseParticipantInput!) { addCaseParticipant(input: $input) { id caseId sub name sector role } }`,
  plan: `mutation($input: PlanSamraadMeetingInput!) { planSamraadMeeting(input: $input) { id kind status location version participants { sub name sector } } }`,
  held: `mutation($input: RecordSamraadMeetingHeldInput!) { recordSamraadMeetingHeld(input: $input) { id status heldAt minutes version decisions { activity decision responsibleSector } } }`,
  cancel: `mutation($input: CancelSamraadMeetingInput!) { cancelSamraadMeeting(input: $input) { id status cancellationReason version } }`,
  addItem: `mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id caseId meetingId title owningSector status version } }`,
  itemStatus: `mutation($input: UpdateActionItemStatusInput!) { updateActionItemStatus(input: $input) { id status completedAt version } }`,
  crisis: `mutation($input: RecordCrisisSupportSessionInput!) { recordCrisisSupportSession(input: $input) { id recipient heldAt counsellorName } }`,
  startAssessment: `mutation($input: StartAssessmentInput!) { startAssessment(input: $input) { id status startedAt } }`,
  completeAssessment: `mutation($input: CompleteAssessmentInput!) { completeAssessment(input: $input) { id status completedAt summary } }`,
  consultation: `mutation($input: RecordConsultationInput!) { recordConsultation(input: $input) { id heldAt withSector summary } }`,
  draft: `mutation($input: DraftFinalNoteInput!) { draftFinalNote(input: $input) { id status text version recommendations { id kind description } } }`,
  revise: `mutation($input: ReviseFinalNoteDraftInput!) { reviseFinalNoteDraft(input: $input) { id status text version recommendations { id kind description } } }`,
  sign: `mutation($input: FinalNoteVersionInput!) { signFinalNote(input: $input) { id status signedAt signedByName version } }`,
  send: `mutation($input: FinalNoteVersionInput!) { sendFinalNote(input: $input) { id status sentAt version } }`,
  close: `mutation($input: CloseCourseInput!) { closeCourse(input: $input) { id status closedAt } }`,
};

export function courseInput(overrides: Record<string, unknown> = {}) {
  return {
    caseId: randomUUID(),
    region: "HOVEDSTADEN",
    municipalityCode: "0101",
    type: "FULL_COURSE",
    abuseTypes: ["SEXUAL"],
    burdenLevel: "HIGH",
    childAgeAtReferral: 9,
    referralReceivedAt: REFERRAL,
    ...overrides,
  };
}

export const planningParticipants = [asParticipant(caseworker), asParticipant(coordinator), asParticipant(investigator)];

/** Shortcuts through the course, for tests that need a course in a given state. */
export function steps(h: Harness) {
  return {
    async register(overrides: Record<string, unknown> = {}) {
      const course = await h.ok<{ id: string; status: string }>(coordinator, M.register, { input: courseInput(overrides) });
      return course.id;
    },
    async planning(caseId: string, scheduledAt = "2026-03-05T10:00:00.000Z") {
      return h.ok<{ id: string; version: number }>(coordinator, M.plan, {
        input: { caseId, kind: "PLANNING", scheduledAt, agenda: "Koordinering af indsatser", participants: planningParticipants },
      });
    },
    async held(meetingId: string, version = 1, heldAt = "2026-03-05T11:00:00.000Z") {
      return h.ok<{ id: string; version: number }>(coordinator, M.held, {
        input: { meetingId, heldAt, minutes: "Referat (syntetisk)", decisions: [], version },
      });
    },
    async activeCourse() {
      const caseId = await this.register();
      const meeting = await this.planning(caseId);
      return { caseId, meeting };
    },
    async draft(caseId: string, recommendations = [{ kind: "THERAPY", description: "Terapeutisk forløb" }]) {
      return h.ok<{ id: string; version: number; recommendations: Array<{ id: string }> }>(coordinator, M.draft, {
        input: { caseId, text: "Afsluttende notat (syntetisk)", recommendations },
      });
    },
    async sentNote(caseId: string) {
      const note = await this.draft(caseId);
      const signed = await h.ok<{ version: number }>(coordinator, M.sign, { input: { id: note.id, version: note.version } });
      const sent = await h.ok<{ id: string; version: number; sentAt: string }>(coordinator, M.send, {
        input: { id: note.id, version: signed.version },
      });
      return sent;
    },
  };
}
