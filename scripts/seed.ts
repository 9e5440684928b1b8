/**
 * npm run seed -- --courses N [--seed S] [--per-year R] [--until ISO] [--reset]
 * Seeds N synthetic courses into the four subgraphs' databases (PGlite under .data/,
 * or PostgreSQL where <SUBGRAPH>_DATABASE_URL is set), in a world that ends now (or at
 * --until). --reset first removes the embedded databases (it never touches a PostgreSQL
 * server: drop those yourself), so `npm run seed -- --reset` anchors the demo to today.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "@samraad/db";
import { DEMO_WORLD, writeSeededWorld } from "./demoWorld.ts";
import { progressBar, seedAll } from "./seeding.ts";

const { values } = parseArgs({
  options: {
    courses: { type: "string", default: String(DEMO_WORLD.courses) },
    seed: { type: "string", default: String(DEMO_WORLD.seed) },
    "per-year": { type: "string", default: String(DEMO_WORLD.coursesPerYear) },
    until: { type: "string" },
    reset: { type: "boolean", default: false },
  },
});
const courses = Number(values.courses);
if (!Number.isInteger(courses) || courses < 1) {
  console.error("--courses must be a positive whole number");
  process.exit(2);
}
const until = values.until ?? new Date().toISOString();
if (Number.isNaN(Date.parse(until))) {
  console.error("--until must be an ISO 8601 date or date-time, e.g. 2026-11-01");
  process.exit(2);
}
const dataDir = process.env.SAMRAAD_DATA_DIR ?? join(REPO_ROOT, ".data");
if (values.reset) rmSync(dataDir, { recursive: true, force: true });
const world = { courses, seed: Number(values.seed), coursesPerYear: Number(values["per-year"]), until: new Date(until).toISOString() };
await seedAll({ ...world, onProgress: progressBar("Seeding") });
writeSeededWorld(join(dataDir, "seeded.json"), world);
console.log(`Seeded ${courses} synthetic courses, in a world that ends ${world.until}.`);
