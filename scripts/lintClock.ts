/**
 * npm run lint (after Biome): one clock (DESIGN.md 6a). Service code never reads the
 * machine's clock: no `Date.now()`, no `new Date()` without an argument, and no SQL that
 * asks the database for its time (now(), CURRENT_TIMESTAMP, ...). It asks the TimeSource
 * the service was started with (`ctx.clock.now()`, a worker's `now`), so that tests and the
 * demo can fix the instant and the suite gives the same answers on any date.
 *
 * Default deny: every file under apps/<service>/src and packages/<name>/src is checked,
 * except the web app (the browser's own clock, for a person's idle timer and form defaults)
 * and the few files below whose job is machine time. Each says why.
 *
 * Why a script and not a Biome rule: Biome's GritQL plugins can match the two calls, but
 * not SQL inside string literals; the TypeScript compiler's own parser sees both.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import ts from "typescript";
import { serviceSourceFiles } from "./serviceSources.ts";

const ROOT = new URL("..", import.meta.url).pathname;

const MACHINE_TIME_ON_PURPOSE: Record<string, string> = {
  "packages/clocks/src/timeSource.ts": "the system clock itself, and a clock that runs on from a start",
  "packages/access/src/caseGrant.ts": "a signed grant's lifetime is real time across processes",
  "packages/access/src/statements.ts": "a signed statement's lifetime is real time across processes, like a grant's",
  "packages/access/src/internalToken.ts": "an internal token's lifetime is real time across processes",
  "packages/access/src/machineToken.ts": "a machine client's token lifetime is the issuer's, in real time",
  "packages/subgraph-kit/src/replayGuard.ts": "the replay cache keeps a token id until the token expires, in real time",
  "packages/db/src/migrator.ts": "when a migration was applied is bookkeeping of the database itself",
  "packages/db/src/testDatabase.ts": "a test template's builder lock is stale after ten seconds of real time",
  "packages/subgraph-kit/src/bulkInsert.ts": "the seeder fills a row's createdAt bookkeeping column as the database would",
};

const SQL_TIME =
  /\b(now\(\)|current_timestamp|current_date|localtimestamp|clock_timestamp\(\)|statement_timestamp\(\)|transaction_timestamp\(\))/i;

export function machineClockReads(fileName: string, text: string): Array<{ line: number; what: string }> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: Array<{ line: number; what: string }> = [];
  const report = (node: ts.Node, what: string) =>
    found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, what });
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText(source) === "Date" && (node.arguments?.length ?? 0) === 0) {
      report(node, "new Date()");
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.expression.getText(source) === "Date" &&
      node.expression.name.text === "now"
    ) {
      report(node, "Date.now()");
    } else if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const sql = SQL_TIME.exec(node.text);
      if (sql) report(node, `SQL ${sql[1]}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems: string[] = [];
  for (const file of serviceSourceFiles(ROOT, ["web"])) {
    const path = relative(ROOT, file);
    const reads = machineClockReads(file, readFileSync(file, "utf8"));
    if (path in MACHINE_TIME_ON_PURPOSE) {
      // An exception that no longer reads the clock goes from the list, so the list stays true.
      if (reads.length === 0) problems.push(`${path}: listed as reading machine time on purpose, but it does not; remove it from the list`);
      continue;
    }
    for (const { line, what } of reads) {
      problems.push(`${path}:${line}: ${what} reads the machine's clock; use the service's clock (ctx.clock.now(), or the worker's now)`);
    }
  }
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    console.error(`\n${problems.length} read(s) of the machine clock (DESIGN.md 6a; scripts/lintClock.ts lists the exceptions).`);
    process.exit(1);
  }
  console.log("one clock: no service code reads the machine's clock");
}
