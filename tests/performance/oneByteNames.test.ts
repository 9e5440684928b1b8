import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "@samraad/db";
import { SUPERGRAPH_PATH } from "@samraad/gateway";
import { describe, expect, it } from "vitest";

/**
 * Every schema's text is Latin-1 (packages/subgraph-kit/src/sharedSchema.ts, latin1Only), so the
 * names a service parses from it, which JSON.parse then hands back as the keys and enum values
 * of every answer, are one-byte strings, and a result's JSON is one-byte too. A two-byte JSON
 * string is encoded to UTF-8 on Node's slow path: one "→" in a description made the gateway's
 * encoding of a 500-case list about 40 times dearer.
 *
 * Each case runs in a fresh process, as a service starts: it builds the schema from the text
 * (graphql-js, as the gateway's runtime and each subgraph do), reads a subgraph's answer and
 * writes it out again. V8's serializer tags a string one-byte ('"') or two-byte ('c'). The test
 * process itself cannot tell: its own source already holds one-byte copies of these names.
 */
// The answer and the names come in from outside, not as literals: a literal in the probe's own
// source would be the process's first copy of its name.
const PROBE = `
import { readFileSync } from "node:fs";
import { serialize } from "node:v8";
import { buildASTSchema, parse } from "graphql";
const { sdl, answer: text } = JSON.parse(readFileSync(0, "utf8"));
const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
for (const type of Object.values(schema.getTypeMap())) if ("getFields" in type) type.getFields();
const answer = JSON.parse(text);
const oneByte = (s) => serialize(s)[2] === 0x22;
const seen = [];
const collect = (v) => { if (Array.isArray(v)) v.forEach(collect); else if (v && typeof v === "object") for (const k of Object.keys(v)) { seen.push(k); collect(v[k]); } else if (typeof v === "string") seen.push(v); };
collect(answer);
console.log(JSON.stringify({ twoByte: seen.filter((s) => !oneByte(s)), answerOneByte: oneByte(JSON.stringify(answer)) }));
`;

/** A subgraph's answer to part of the case list: keys, enum values, and Danish letters (Latin-1). */
const ANSWER = JSON.stringify({
  data: {
    boernehusCases: [
      { status: "REFERRED", referralReceivedAt: "2026-11-01T10:00:00.000Z", child: { firstName: "Søren", lastName: "Ærø" } },
    ],
  },
});

function probe(sdl: string): { twoByte: string[]; answerOneByte: boolean } {
  const input = JSON.stringify({ sdl, answer: ANSWER });
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", PROBE], { cwd: join(REPO_ROOT, "apps", "gateway"), input });
  return JSON.parse(out.toString("utf8")) as { twoByte: string[]; answerOneByte: boolean };
}

const supergraph = readFileSync(SUPERGRAPH_PATH, "utf8");

describe("the names a service parses from its schema", () => {
  it("are one-byte strings from the checked-in supergraph, so an answer's JSON is one-byte", () => {
    expect(probe(supergraph)).toEqual({ twoByte: [], answerOneByte: true });
  });

  it("would be two-byte, and every answer with them, after one arrow in a description", () => {
    const withArrow = supergraph.replace('"""DRAFT -> SIGNED -> SENT.', '"""DRAFT \u2192 SIGNED \u2192 SENT.');
    expect(withArrow).not.toBe(supergraph);
    const result = probe(withArrow);
    expect(result.twoByte).toEqual(expect.arrayContaining(["boernehusCases", "REFERRED", "referralReceivedAt", "firstName", "lastName"]));
    expect(result.answerOneByte).toBe(false);
  });
});
