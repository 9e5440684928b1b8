/**
 * npm run retention [-- --dry-run]
 * Deletes or anonymises personal data of courses whose sector's retention period
 * (<SECTOR>_RETENTION_DAYS) has run out since the course closed, in each subgraph's own
 * database through its own retention plan (apps/<subgraph>/src/data/retention.ts), with a
 * deletion log there. Also forgets idempotency keys older than SAMRAAD_IDEMPOTENCY_KEY_HOURS.
 * Run it daily. The courses' close dates come from the børnehus, which owns them.
 */
import { parseArgs } from "node:util";
import { boernehus, boernehusRetention, closedCourses } from "@samraad/boernehus";
import { timeSourceFromEnv } from "@samraad/clocks";
import { loadConfig } from "@samraad/config";
import { openSubgraphDatabase, withSubgraphClient } from "@samraad/db";
import { health, healthRetention } from "@samraad/health";
import { municipality, municipalityRetention } from "@samraad/municipality";
import { police, policeRetention } from "@samraad/police";
import { applyRetention, type RetentionClient, type RetentionStep, retentionEnvironment } from "@samraad/subgraph-kit";

const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });

const TARGETS: Array<{
  name: string;
  migrationsDir: string;
  createClient(url: string): RetentionClient & { $disconnect(): Promise<void> };
  plan: RetentionStep[];
}> = [
  { ...municipality, plan: municipalityRetention },
  { ...police, plan: policeRetention },
  { ...health, plan: healthRetention },
  { ...boernehus, plan: boernehusRetention },
];

// The retention periods, parsed once: a wrong value stops the run before any database opens.
const retention = loadConfig("retention", retentionEnvironment);

// The courses' close dates, from the børnehus (closed again before each sector's database opens: a PGlite folder has one owner).
const closed = await withSubgraphClient(boernehus, process.env, closedCourses);

const opened = [];
try {
  for (const target of TARGETS) {
    const database = await openSubgraphDatabase(target, process.env);
    opened.push({ target, database, client: target.createClient(database.url) });
  }
  const now = timeSourceFromEnv(process.env).now();
  for (const { target, client } of opened) {
    const days = retention.days[target.name] as number;
    const due = closed.filter((c) => c.closedAt.getTime() <= now.getTime() - days * 86_400_000).length;
    if (values["dry-run"]) {
      console.log(JSON.stringify({ subgraph: target.name, retentionDays: days, closedCourses: closed.length, due }));
      continue;
    }
    const result = await applyRetention(client, {
      subgraph: target.name,
      plan: target.plan,
      closedCourses: closed,
      now,
      days,
      idempotencyKeyHours: retention.idempotencyKeyHours,
    });
    console.log(JSON.stringify({ ...result, cases: result.cases.length }));
  }
} finally {
  for (const { client, database } of opened) {
    await client.$disconnect();
    await database.close();
  }
}
