/**
 * npm run seed -- --courses N [--seed S] [--reset]
 * Seeds N synthetic courses into the four subgraphs' databases (PGlite under .data/,
 * or PostgreSQL where <SUBGRAPH>_DATABASE_URL is set). --reset first removes the
 * embedded databases (it never touches a PostgreSQL server: drop those yourself).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "@samraad/db";
import { progressBar, seedAll } from "./seeding.ts";

const { values } = parseArgs({
  options: {
    courses: { type: "string", default: "300" },
    seed: { type: "string", default: "2026" },
    "per-year": { type: "string", default: "2000" },
    reset: { type: "boolean", default: false },
  },
});
const courses = Number(values.courses);
if (!Number.isInteger(courses) || courses < 1) {
  console.error("--courses must be a positive whole number");
  process.exit(2);
}
if (values.reset) rmSync(process.env.SAMRAAD_DATA_DIR ?? join(REPO_ROOT, ".data"), { recursive: true, force: true });
await seedAll({ courses, seed: Number(values.seed), coursesPerYear: Number(values["per-year"]), onProgress: progressBar("Seeding") });
console.log(`Seeded ${courses} synthetic courses.`);
