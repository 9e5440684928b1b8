import { randomUUID } from "node:crypto";
import type { Principal } from "@samraad/access";
import { createEmptyTestDatabase } from "@samraad/db";
import { callSubgraph, ensureTestKeys } from "@samraad/subgraph-kit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServiceProcess, spawnSubgraph } from "../support/serviceProcess.ts";

/**
 * A stream of writes from sector systems, the subgraph process killed (SIGKILL) in the
 * middle of it, then: every acknowledged write is in the database, every write is
 * either whole or absent, and retrying every write with its idempotency key after the
 * restart leaves each exactly once.
 */
const coordinator: Principal = {
  sub: "persona:test-coordinator-kill",
  name: "Test Koordinator",
  sector: "BOERNEHUS",
  organisation: "HOVEDSTADEN",
  roles: ["coordinator"],
};
const investigator: Principal = {
  sub: "persona:test-investigator-kill",
  name: "Test Efterforsker",
  sector: "POLICE",
  organisation: "KBH",
  roles: ["investigator"],
};
const person = (p: Principal) => ({ sub: p.sub, name: p.name, sector: p.sector, organisation: p.organisation, role: p.roles[0] });

const PLAN = `mutation($input: PlanSamraadMeetingInput!, $key: String) { planSamraadMeeting(input: $input, idempotencyKey: $key) { id version } }`;
const HELD = `mutation($input: RecordSamraadMeetingHeldInput!) { recordSamraadMeetingHeld(input: $input) { id } }`;
const REGISTER = `mutation($input: RegisterCourseInput!) { registerCourse(input: $input) { id } }`;
const ADD_ITEM = `mutation($input: AddActionItemInput!, $key: String) { addActionItem(input: $input, idempotencyKey: $key) { id title } }`;
/** Each follow-up invites this many people: one write of a meeting is 1 + 8 + 8 rows over several statements. */
const INVITED = 8;

interface Attempt {
  n: number;
  kind: "meeting" | "item";
  principal: Principal;
  query: string;
  variables: Record<string, unknown>;
  acknowledgedId?: string;
}

let database: { url: string; drop(): Promise<void> };
let subgraph: ServiceProcess | undefined;
let sql: pg.Client;

beforeAll(async () => {
  await ensureTestKeys();
  database = await createEmptyTestDatabase("boernehus");
}, 60_000);
afterAll(async () => {
  if (subgraph && subgraph.child.exitCode === null) {
    subgraph.child.kill("SIGTERM");
    await subgraph.exited;
  }
  await sql?.end();
  await database?.drop();
});

async function call(principal: Principal, query: string, variables: Record<string, unknown>) {
  const res = await callSubgraph(subgraph?.url as string, "boernehus", principal, query, variables);
  if (res.status !== 200 || res.body.errors) throw new Error(`write refused: ${JSON.stringify(res.body.errors ?? res.status)}`);
  return Object.values(res.body.data ?? {})[0] as { id: string };
}

describe("a subgraph killed under a stream of writes", () => {
  it("loses no acknowledged write, leaves no half write, and a keyed retry never duplicates", async () => {
    subgraph = await spawnSubgraph("boernehus", database.url);
    const caseId = randomUUID();
    await call(coordinator, REGISTER, {
      input: {
        caseId,
        region: "HOVEDSTADEN",
        municipalityCode: "0101",
        type: "FULL_COURSE",
        abuseTypes: ["PHYSICAL"],
        burdenLevel: "MODERATE",
        childAgeAtReferral: 8,
        referralReceivedAt: "2026-03-01T09:00:00.000Z",
      },
    });
    const planning = await call(coordinator, PLAN, {
      input: {
        caseId,
        kind: "PLANNING",
        scheduledAt: "2026-03-05T10:00:00.000Z",
        agenda: "Planlægning",
        participants: [
          person(coordinator),
          person(investigator),
          { name: "Syntetisk Rådgiver", sector: "MUNICIPALITY", organisation: "0101", role: "caseworker" },
        ],
      },
    });
    await call(coordinator, HELD, {
      input: { meetingId: planning.id, heldAt: "2026-03-05T11:00:00.000Z", minutes: "Referat", decisions: [], version: 1 },
    });

    let next = 0;
    const attempts: Attempt[] = [];
    const attempt = (kind: Attempt["kind"]): Attempt => {
      const n = next++;
      const key = `load-${kind}-${n}-${randomUUID()}`;
      return kind === "meeting"
        ? {
            n,
            kind,
            principal: coordinator,
            query: PLAN,
            variables: {
              key,
              input: {
                caseId,
                kind: "FOLLOW_UP",
                scheduledAt: "2026-06-01T10:00:00.000Z",
                agenda: `load-${n}`,
                participants: Array.from({ length: INVITED }, (_, i) => ({
                  sub: `synthetic:load-${n}-${i}`,
                  name: `Syntetisk Deltager ${i}`,
                  sector: "MUNICIPALITY",
                  organisation: "0101",
                  role: "caseworker",
                })),
              },
            },
          }
        : {
            n,
            kind,
            principal: investigator,
            query: ADD_ITEM,
            variables: {
              key,
              input: { meetingId: planning.id, title: `load-${n}`, owningSector: "POLICE", dueAt: "2026-04-01T09:00:00.000Z" },
            },
          };
    };

    // Eight sector-system clients write as fast as they can until the process dies.
    let killed = false;
    const worker = async (kind: Attempt["kind"]) => {
      while (!killed) {
        const a = attempt(kind);
        attempts.push(a);
        try {
          const res = await callSubgraph(subgraph?.url as string, "boernehus", a.principal, a.query, a.variables);
          const data = Object.values(res.body.data ?? {})[0] as { id: string } | undefined;
          if (res.status === 200 && !res.body.errors && data) a.acknowledgedId = data.id;
        } catch {
          // the connection died with the process: not acknowledged
        }
      }
    };
    const workers = [..."mmmmiiii"].map((k) => worker(k === "m" ? "meeting" : "item"));
    const acknowledged = () => attempts.filter((a) => a.acknowledgedId).length;
    const started = Date.now();
    while (acknowledged() < 30 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 50));
    subgraph.child.kill("SIGKILL");
    expect(await subgraph.exited).toBe("SIGKILL");
    killed = true;
    await Promise.all(workers);

    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    const acked = attempts.filter((a) => a.acknowledgedId);
    const unacked = attempts.filter((a) => !a.acknowledgedId);
    expect(acked.length).toBeGreaterThanOrEqual(30);
    expect(unacked.length).toBeGreaterThan(0);

    // 1. Every acknowledged write is in the database.
    const items = await sql.query<{ id: string; title: string }>(`SELECT id::text, title FROM "ActionItem" WHERE title LIKE 'load-%'`);
    const meetings = await sql.query<{ id: string; agenda: string }>(
      `SELECT id::text, agenda FROM "SamraadMeeting" WHERE kind = 'FOLLOW_UP' AND agenda LIKE 'load-%'`,
    );
    const stored = new Map<string, string>([
      ...items.rows.map((r): [string, string] => [r.id, r.title]),
      ...meetings.rows.map((r): [string, string] => [r.id, r.agenda]),
    ]);
    for (const a of acked) expect(stored.get(a.acknowledgedId as string)).toBe(`load-${a.n}`);

    // 2. Every write is whole or absent: a meeting has all its invited people, as meeting and
    // as case participants, and no invited person exists without the meeting.
    const parts = await sql.query<{ agenda: string; invited: number; joined: number }>(
      `SELECT m.agenda,
              (SELECT count(*)::int FROM "MeetingParticipant" mp WHERE mp."meetingId" = m.id) AS invited,
              (SELECT count(*)::int FROM "CaseParticipant" cp WHERE cp.sub LIKE 'synthetic:' || m.agenda || '-%') AS joined
         FROM "SamraadMeeting" m WHERE m.kind = 'FOLLOW_UP'`,
    );
    for (const row of parts.rows) expect(row, row.agenda).toMatchObject({ invited: INVITED, joined: INVITED });
    const orphans = await sql.query(
      `SELECT cp.sub FROM "CaseParticipant" cp WHERE cp.sub LIKE 'synthetic:load-%'
          AND NOT EXISTS (SELECT 1 FROM "SamraadMeeting" m WHERE cp.sub LIKE 'synthetic:' || m.agenda || '-%')`,
    );
    expect(orphans.rows).toEqual([]);
    // A key exists exactly for each write that committed (same transaction).
    const keys = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM samraad_meta.idempotency_key WHERE key LIKE 'load-%'`);
    expect(keys.rows[0]?.n).toBe(stored.size);
    const committedUnacknowledged = unacked.filter((a) => [...stored.values()].includes(`load-${a.n}`)).length;
    console.log(
      `kill under writes: ${attempts.length} attempted, ${acked.length} acknowledged, ${unacked.length} cut off (${committedUnacknowledged} of them had committed)`,
    );

    // 3. After a restart, each client retries what it did not get an answer to (and, to be
    // sure, what it did): with the same keys, every write exists exactly once.
    subgraph = await spawnSubgraph("boernehus", database.url);
    for (const a of attempts) {
      const again = await call(a.principal, a.query, a.variables);
      if (a.acknowledgedId) expect(again.id).toBe(a.acknowledgedId);
    }
    const counts = await sql.query<{ label: string; n: number }>(
      `SELECT title AS label, count(*)::int AS n FROM "ActionItem" WHERE title LIKE 'load-%' GROUP BY title
       UNION ALL
       SELECT agenda, count(*)::int FROM "SamraadMeeting" WHERE kind = 'FOLLOW_UP' AND agenda LIKE 'load-%' GROUP BY agenda`,
    );
    expect(counts.rows).toHaveLength(attempts.length);
    expect(counts.rows.filter((r) => r.n !== 1)).toEqual([]);
  }, 300_000);
});
