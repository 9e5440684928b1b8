import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUES, type MessageKey } from "../src/i18n/messages.ts";

// Every error code the backend can return must have a message a person can act on, in
// Danish and English. The codes are read from the backend's sources, so a new code
// without a message fails this test (and the build).
const ROOT = new URL("../../../", import.meta.url).pathname;
const BACKEND = [
  "apps/gateway/src",
  "apps/municipality/src",
  "apps/police/src",
  "apps/health/src",
  "apps/boernehus/src",
  "apps/statistics/src",
  "packages",
];
/** Sources that hold codes which are not errors (organisation codes) or never reach the API. */
const NOT_API = ["packages/synthetic/", "packages/db/src/migrator.ts", "apps/statistics/src/domain/units.ts"];
/** Codes the gateway reads from its transport to classify a failure; it answers with SUBGRAPH_UNAVAILABLE instead. */
const READ_NOT_RETURNED = new Set(["TIMEOUT_ERROR", "SUBREQUEST_HTTP_ERROR", "DOWNSTREAM_SERVICE_ERROR", "HPE_HEADER_OVERFLOW"]);

/** How a code appears in the sources; `under` limits a loose pattern to the gateway's own files. */
const PATTERNS: Array<{ re: RegExp; under?: string }> = [
  { re: /\bcode\s*:\s*"([A-Z][A-Z0-9_]+)"/g }, // extensions: { code: "X" }
  { re: /new DomainError\(\s*"([A-Z][A-Z0-9_]+)"/g },
  { re: /^\s*([A-Z][A-Z0-9_]+): "\1",?$/gm, under: "packages/subgraph-kit/src/errors.ts" }, // ERROR_CODES = { X: "X" }
  { re: /sendError\([^,]+,\s*\d+,\s*"([A-Z][A-Z0-9_]+)"/g },
  {
    re: /"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:EXCEEDED|LIMITED|UNAVAILABLE|TOO_LARGE|TOO_LONG|REQUIRED|DISABLED|NOT_ALLOWED|NOT_FOUND|FAILED|FAILURE))"/g,
    under: "apps/gateway/src",
  },
  { re: /"([A-Z]+(?:_[A-Z]+)*_(?:FAILED|FAILURE))"/g, under: "packages/subgraph-kit/src/errors.ts" },
  { re: /\bconst ([A-Z][A-Z0-9_]+) = "\1"/g, under: "apps/gateway/src" },
  { re: /\bcode = [^;]*"([A-Z][A-Z0-9_]+)"[^;]*: "([A-Z][A-Z0-9_]+)"/g, under: "apps/gateway/src" }, // const code = cond ? "X" : "Y"
  { re: /\breturn "([A-Z][A-Z0-9_]+)";/g, under: "apps/gateway/src/hardening" }, // safeErrors' code of an error
];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name === "generated" || name === "test") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function backendErrorCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const dir of BACKEND) {
    for (const file of sources(join(ROOT, dir))) {
      const rel = relative(ROOT, file);
      if (NOT_API.some((p) => rel.startsWith(p))) continue;
      const text = readFileSync(file, "utf8");
      for (const { re, under } of PATTERNS) {
        if (under && !rel.startsWith(under)) continue;
        for (const match of text.matchAll(re)) {
          for (const code of match.slice(1)) {
            if (code && !READ_NOT_RETURNED.has(code) && !codes.has(code)) codes.set(code, rel);
          }
        }
      }
    }
  }
  return codes;
}

describe("error messages", () => {
  const codes = backendErrorCodes();

  it("finds the backend's codes (the scan works)", () => {
    for (const code of ["BAD_USER_INPUT", "NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "CONFLICT", "RATE_LIMITED", "DEPTH_LIMIT_EXCEEDED"]) {
      expect([...codes.keys()]).toContain(code);
    }
  });

  it("has a Danish and an English message for every error code the backend can return", () => {
    const missing = [...codes].filter(
      ([code]) => !CATALOGUES.da[`error.${code}` as MessageKey] || !CATALOGUES.en[`error.${code}` as MessageKey],
    );
    expect(missing.map(([code, file]) => `error.${code} (${file})`)).toEqual([]);
  });
});
