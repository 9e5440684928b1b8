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
import { openDatabase } from "@samraad/db";
import { health, healthRetention } from "@samraad/health";
import { municipality, municipalityRetention } from "@samraad/municipality";
import { police, policeRetention } from "@samraad/police";
import { applyRetention, type RetentionClient, type RetentionStep, retentionDays } from "@samraad/subgraph-kit";

const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });

const TARGETS: Array<{ name: string; migrationsDir: string; createClient(url: string): RetentionClient; plan: RetentionStep[] }> = [
  { ...municipality, createClient: municipality.createClient as never, plan: municipalityRetention },
  { ...police, createClient: police.createClient as never, plan: policeRetention },
  { ...health, createClient: health.createClient as never, plan: healthRetention },
  { ...boernehus, createClient: boernehus.createClient as never, plan: boernehusRetention },
];

const opened = [];
try {
  for (const target of TARGETS) {
    const database = await openDatabase({ name: target.name, migrationsDir: target.migrationsDir });
    opened.push({ target, database, client: target.createClient(database.url) as RetentionClient & { $disconnect(): Promise<void> } });
  }
  const hub = opened.find((o) => o.target.name === "boernehus");
  const closed = await closedCourses(hub?.client as never);
  const now = timeSourceFromEnv().now();
  for (const { target, client } of opened) {
    const days = retentionDays(target.name);
    const due = closed.filter((c) => c.closedAt.getTime() <= now.getTime() - days * 86_400_000).length;
    if (values["dry-run"]) {
      console.log(JSON.stringify({ subgraph: target.name, retentionDays: days, closedCourses: closed.length, due }));
      continue;
    }
    const result = await applyRetention(client, { subgraph: target.name, plan: target.plan, closedCourses: closed, now, days });
    console.log(JSON.stringify({ ...result, cases: result.cases.length }));
  }
} finally {
  for (const { client, database } of opened) {
    await client.$disconnect();
    await database.close();
  }
}
