import { boernehus, boernehusRetention, closedCourses, seedBoernehus } from "@samraad/boernehus";
import { health, healthRetention, seedHealth } from "@samraad/health";
import { municipality, municipalityRetention, seedMunicipality } from "@samraad/municipality";
import { police, policeRetention, seedPolice } from "@samraad/police";
import { ANONYMISED, applyRetention, type RetentionClient, type RetentionStep, runSubgraph } from "@samraad/subgraph-kit";
import { generateWorld, worldEnd } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Retention: after a sector's period from the course's close, its personal data are
 * anonymised case by case with a deletion log (which case, which fields, when; never the
 * values), and the non-personal facts the statistics are built from stay exactly as they were.
 */
const world = generateWorld({ seed: 11, courses: 40, coursesPerYear: 40 });
let subgraphs: Array<{ name: string; client: RetentionClient; plan: RetentionStep[]; stop(): Promise<void> }>;
let b: { client: Parameters<typeof closedCourses>[0]; auditLog: { verify(): Promise<unknown> } };

type Row = Record<string, unknown>;
const q = (client: RetentionClient, sql: string, ...values: unknown[]) => client.$queryRawUnsafe<Row[]>(sql, ...values);

/** The facts the indicators need (docs/api.md "Retention"): every one must survive. */
const FACTS: Array<[string, string]> = [
  [
    "boernehus",
    `SELECT id, region, "municipalityCode", type, status, "abuseTypes", "burdenLevel", "childAgeAtReferral", "referralReceivedAt", "closedAt" FROM "BoernehusCase" ORDER BY id`,
  ],
  ["boernehus", `SELECT id, kind, status, "scheduledAt", "heldAt" FROM "SamraadMeeting" ORDER BY id`],
  ["boernehus", `SELECT id, "owningSector", status, "dueAt", "completedAt" FROM "ActionItem" ORDER BY id`],
  ["boernehus", `SELECT id, status, "draftedAt", "signedAt", "sentAt" FROM "FinalNote" ORDER BY id`],
  ["boernehus", `SELECT id, kind FROM "Recommendation" ORDER BY id`],
  [
    "municipality",
    `SELECT id, "caseId", "municipalityCode", "boernehusRegion", "referredAt", "abuseTypes", "policeReportFiled" FROM "Referral" ORDER BY id`,
  ],
  ["municipality", `SELECT id, gender, "municipalityCode", extract(year FROM "birthDate") AS "birthYear" FROM "Child" ORDER BY id`],
  ["municipality", `SELECT id, "caseId", kind, "decidedAt", "startedAt", "endedAt" FROM "Measure" ORDER BY id`],
  ["municipality", `SELECT id, "caseId", response, "declineReason", "respondedAt" FROM "RecommendationResponse" ORDER BY id`],
  [
    "municipality",
    `SELECT "caseId", count(DISTINCT "caseworkerSub")::int AS caseworkers, min("from") AS first FROM "CaseworkerAssignment" GROUP BY "caseId" ORDER BY "caseId"`,
  ],
  ["police", `SELECT id, "caseId", district, "reportedAt", "investigationStatus", "decidedAt" FROM "PoliceReport" ORDER BY id`],
  ["police", `SELECT id, status, "scheduledAt", "heldAt" FROM "VideoInterview" ORDER BY id`],
  ["police", `SELECT id, relation FROM "Suspect" ORDER BY id`],
  ["health", `SELECT id, "caseId", kind, status, "scheduledAt", "performedAt", "hospitalRegion" FROM "MedicalExamination" ORDER BY id`],
];

async function facts() {
  const byName = new Map(subgraphs.map((s) => [s.name, s.client]));
  return Promise.all(FACTS.map(([name, sql]) => q(byName.get(name) as RetentionClient, sql)));
}

beforeAll(async () => {
  const [m, p, h, bh] = await Promise.all([
    runSubgraph(municipality, { database: "test" }),
    runSubgraph(police, { database: "test" }),
    runSubgraph(health, { database: "test" }),
    runSubgraph(boernehus, { database: "test" }),
  ]);
  b = bh;
  await Promise.all([
    seedMunicipality(m.client, world.courses),
    seedPolice(p.client, world.courses),
    seedHealth(h.client, world.courses),
    seedBoernehus(bh.client, world.courses),
  ]);
  subgraphs = [
    { name: "municipality", client: m.client, plan: municipalityRetention, stop: m.stop },
    { name: "police", client: p.client, plan: policeRetention, stop: p.stop },
    { name: "health", client: h.client, plan: healthRetention, stop: h.stop },
    { name: "boernehus", client: bh.client, plan: boernehusRetention, stop: bh.stop },
  ];
}, 180_000);
afterAll(async () => Promise.all((subgraphs ?? []).map((s) => s.stop())));

describe("retention", () => {
  it("anonymises due courses in every sector, logs it without values, and keeps the statistics' facts", async () => {
    const closed = await closedCourses(b.client);
    expect(closed.length).toBeGreaterThan(4);
    // A period that makes the earlier half of the closed courses due and leaves the rest.
    const sorted = [...closed].sort((x, y) => x.closedAt.getTime() - y.closedAt.getTime());
    const now = new Date(worldEnd());
    const boundary = sorted[Math.floor(sorted.length / 2)]?.closedAt as Date;
    const days = Math.floor((now.getTime() - boundary.getTime()) / 86_400_000);
    const due = new Set(closed.filter((c) => c.closedAt.getTime() <= now.getTime() - days * 86_400_000).map((c) => c.caseId));
    expect(due.size).toBeGreaterThan(0);
    expect(due.size).toBeLessThan(closed.length);
    const kept = world.courses.filter((c) => !due.has(c.caseId));
    const gone = world.courses.filter((c) => due.has(c.caseId));

    const before = await facts();
    const results = [];
    for (const s of subgraphs)
      results.push(
        await applyRetention(s.client, { subgraph: s.name, plan: s.plan, closedCourses: closed, now, days, idempotencyKeyHours: 72 }),
      );
    for (const r of results) expect(new Set(r.cases)).toEqual(due);
    expect(await facts()).toEqual(before);

    const [m, p, h, bh] = subgraphs.map((s) => s.client) as [RetentionClient, RetentionClient, RetentionClient, RetentionClient];
    // Personal data of due courses are gone...
    for (const c of gone) {
      const [caseRow] = await q(bh, `SELECT array_agg(name) AS names FROM "CaseParticipant" WHERE "caseId" = $1::uuid`, c.caseId);
      expect(new Set(caseRow?.names as string[])).toEqual(new Set([ANONYMISED]));
      const notes = await q(bh, `SELECT text FROM "FinalNote" WHERE "caseId" = $1::uuid`, c.caseId);
      for (const n of notes) expect(n.text).toBe(ANONYMISED);
      const exams = await q(
        h,
        `SELECT "findingsSummary", "clinicalDetails", "physicianName" FROM "MedicalExamination" WHERE "caseId" = $1::uuid`,
        c.caseId,
      );
      for (const e of exams) expect(e).toEqual({ findingsSummary: null, clinicalDetails: null, physicianName: null });
      const suspects = await q(
        p,
        `SELECT s.name FROM "Suspect" s JOIN "PoliceReport" r ON r.id = s."policeReportId" WHERE r."caseId" = $1::uuid`,
        c.caseId,
      );
      for (const s of suspects) expect(s.name).toBe(ANONYMISED);
      const [child] = await q(m, `SELECT "firstName", cpr FROM "Child" WHERE id = $1::uuid`, c.child.id);
      // A child with another course that is not yet due keeps its data until that one is.
      const otherCourse = kept.some((k) => k.child.id === c.child.id);
      if (!otherCourse) expect(child).toMatchObject({ firstName: ANONYMISED, cpr: `anon:${c.child.id}` });
    }
    // ...and the others' are untouched.
    for (const c of kept) {
      const [child] = await q(m, `SELECT "firstName", cpr FROM "Child" WHERE id = $1::uuid`, c.child.id);
      expect(child).toEqual({ firstName: c.child.firstName, cpr: c.child.cpr });
      const names = await q(bh, `SELECT name FROM "CaseParticipant" WHERE "caseId" = $1::uuid`, c.caseId);
      expect(names.some((n) => n.name === ANONYMISED)).toBe(false);
    }

    // The deletion log: which case, which entity and fields, when; never a value.
    for (const s of subgraphs) {
      const log = await q(s.client, "SELECT case_id, entity, action, field_paths, rows, retention_days FROM samraad_meta.deletion_log");
      expect(new Set(log.map((l) => l.case_id))).toEqual(due);
      expect(log.every((l) => l.retention_days === days && (l.field_paths as string[]).length > 0)).toBe(true);
      const text = JSON.stringify(log);
      for (const c of gone) {
        for (const value of [c.child.firstName, c.child.lastName, c.child.cpr, c.finalNote?.text, ...c.participants.map((x) => x.name)]) {
          if (value) expect(text).not.toContain(value);
        }
      }
    }

    // A second run finds nothing new to do.
    for (const s of subgraphs) {
      const again = await applyRetention(s.client, {
        subgraph: s.name,
        plan: s.plan,
        closedCourses: closed,
        now,
        days,
        idempotencyKeyHours: 72,
      });
      expect(again.cases).toEqual([]);
    }
  });

  it("the audit log is left alone (append-only, ids and field paths only) and still verifies", async () => {
    for (const s of [b]) expect(await s.auditLog.verify()).toMatchObject({ ok: true });
  });
});
