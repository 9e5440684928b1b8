import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Issue 22: all database access lives in src/data/. Resolvers parse input and call a domain
 * function; domain functions hold the rules and reach the database only through data
 * functions (passing ctx.db along, never calling it). Every subgraph, the statistics service
 * too (its report/ and extract/ folders are its own shape: apps/statistics/README.md).
 */
const root = join(import.meta.dirname, "..", "..");
const SUBGRAPHS = ["police", "health", "municipality", "boernehus", "statistics"];
const FOLDERS = SUBGRAPHS.flatMap((app) => [`apps/${app}/src/resolvers`, `apps/${app}/src/domain`]);

/** A Prisma call: a method on the client or a transaction client, or a transaction opened. */
const PRISMA_CALL = /\bctx\.db\.|\$transaction|\$queryRaw|\$executeRaw|\bprisma\.|\btx\.\w+\.\w+\(/;

function prismaCalls(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) =>
      readFileSync(join(root, folder, file), "utf8")
        .split("\n")
        .flatMap((line, i) => (PRISMA_CALL.test(line) ? [`${folder}/${file}:${i + 1}: ${line.trim()}`] : [])),
    );
}

describe("database access only in src/data/", () => {
  it("recognises the calls it forbids", () => {
    for (const call of [
      "return ctx.db.policeReport.create({ data });",
      "ctx.db.$transaction(async (tx) => {",
      "await tx.videoInterview.update({ where });",
      "prisma.suspect.findMany()",
      "db.$queryRaw`SELECT 1`",
    ]) {
      expect(PRISMA_CALL.test(call), call).toBe(true);
    }
    for (const allowed of ["inTransaction(ctx.db, async (tx) => {", "createSuspect(tx, report, data)", "ctx.loaders.reportById.load(id)"]) {
      expect(PRISMA_CALL.test(allowed), allowed).toBe(false);
    }
  });

  it.each(FOLDERS)("%s makes no Prisma call", (folder) => {
    expect(prismaCalls(folder)).toEqual([]);
  });
});
