/**
 * npm run lint (after lintClock): one configuration per service (issue 22). Service code never
 * reads `process.env` itself: each service's src/config.ts declares every variable it reads
 * in one zod schema, src/server.ts parses it once at start (loadConfig, which stops the start
 * naming the wrong variable and what it expects), and the code that needs a value is handed
 * the parsed value. A read anywhere else fails late (at first use) or silently (a default
 * taken where a typo was meant).
 *
 * Default deny: every file under apps/<service>/src and packages/<name>/src is checked,
 * except start-up (src/config.ts, src/server.ts), packages/config (which reads the
 * environment for them) and the few files below. Each says why. scripts/ and tests are
 * not service code and are not checked.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import ts from "typescript";
import { serviceSourceFiles } from "./serviceSources.ts";

const ROOT = new URL("..", import.meta.url).pathname;

const ENVIRONMENT_ON_PURPOSE: Record<string, string> = {
  "packages/db/src/testDatabase.ts": "test support: where the test templates live and which database the tests run on",
  "packages/db/src/prismaConfig.ts":
    "the Prisma CLI's own configuration (each subgraph's prisma.config.ts), read by prisma generate and migrate diff, never by a service",
  "packages/subgraph-kit/src/testClient.ts": "test support: the keys a test process signs its own tokens with",
  "packages/observability/src/logger.ts":
    "the log level is needed by modules that log while they load, before any service has parsed its config",
};

/** Start-up: where a service's environment is declared and parsed. */
function isStartUp(path: string): boolean {
  return /^apps\/[^/]+\/src\/(config|server)\.ts$/.test(path) || path.startsWith("packages/config/src/");
}

/** Each `process.env` in the file (also `process["env"]` and `const { env } = process`). */
export function environmentReads(fileName: string, text: string): Array<{ line: number; what: string }> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: Array<{ line: number; what: string }> = [];
  const report = (node: ts.Node) =>
    found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, what: node.getText(source) });
  const isProcess = (node: ts.Node) => ts.isIdentifier(node) && node.text === "process";
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && isProcess(node.expression) && node.name.text === "env") report(node);
    else if (
      ts.isElementAccessExpression(node) &&
      isProcess(node.expression) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      node.argumentExpression.text === "env"
    )
      report(node);
    else if (
      ts.isVariableDeclaration(node) &&
      node.initializer &&
      isProcess(node.initializer) &&
      ts.isObjectBindingPattern(node.name) &&
      node.name.elements.some((e) => (e.propertyName ?? e.name).getText(source) === "env")
    )
      report(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems: string[] = [];
  for (const file of serviceSourceFiles(ROOT)) {
    const path = relative(ROOT, file);
    if (isStartUp(path)) continue;
    const reads = environmentReads(file, readFileSync(file, "utf8"));
    if (path in ENVIRONMENT_ON_PURPOSE) {
      // An exception that no longer reads the environment goes from the list, so the list stays true.
      if (reads.length === 0) problems.push(`${path}: listed as reading process.env, but it does not; remove it from the list`);
      continue;
    }
    for (const { line, what } of reads) {
      problems.push(
        `${path}:${line}: ${what} reads the environment; declare the variable in the service's src/config.ts and pass the parsed value`,
      );
    }
  }
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    console.error(`\n${problems.length} read(s) of process.env outside start-up (scripts/lintEnv.ts lists the exceptions).`);
    process.exit(1);
  }
  console.log("one configuration: no service code reads process.env outside start-up");
}
