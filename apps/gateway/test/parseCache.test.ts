import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { boundedParseCaches, HEAP_BYTES_PER_CHARACTER } from "../src/hardening/parseCache.ts";
import { installedPatchTarget } from "./installedPatch.ts";

/** A distinct document of about `tokens` tokens. */
const documentOf = (i: number, tokens: number) => `query Q${i} { boernehusCases(first: 1) { ${"id ".repeat(tokens)}} }`;

describe("the gateway's parse caches", () => {
  it("keep documents within their budget, the most recent first", () => {
    const budget = 2 * 1024 * 1024;
    const { documentCache } = boundedParseCaches(budget);
    const texts = Array.from({ length: 40 }, (_, i) => documentOf(i, 4000));
    for (const text of texts) documentCache.set(text, parse(text));
    // Forty of these would be about 40 × 12,000 × 80 bytes = 38 MB; yoga's own cache kept them all.
    expect(documentCache.calculatedSize).toBeLessThanOrEqual(budget);
    expect(documentCache.size).toBe(Math.floor(budget / ((texts[39] as string).length * HEAP_BYTES_PER_CHARACTER)));
    expect(documentCache.get(texts[39] as string)).toBeDefined();
    expect(documentCache.get(texts[0] as string)).toBeUndefined();
  });

  it("parse a document larger than the whole budget for its request, and do not keep it", () => {
    const { documentCache } = boundedParseCaches(64 * 1024);
    const small = documentOf(1, 3);
    documentCache.set(small, parse(small));
    const large = documentOf(2, 1000);
    documentCache.set(large, parse(large));
    expect(documentCache.has(large)).toBe(false);
    expect(documentCache.get(small)).toBeDefined();
  });

  it("hand a cached parse error back, its stack written out", () => {
    const { errorCache } = boundedParseCaches();
    let error: unknown;
    try {
      parse("{ boernehusCases(first: 1) { id ", { maxTokens: 5 });
    } catch (thrown) {
      error = thrown;
    }
    errorCache.set("{ broken", error);
    expect(errorCache.get("{ broken")).toBe(error);
    expect(typeof (error as Error).stack).toBe("string");
    errorCache.set("not an error", "text");
    expect(errorCache.get("not an error")).toBeUndefined();
  });
});

// Hive Gateway passes yoga no caches of its own; our patch lets it (patches/README.md).
describe("Hive's gateway runtime as the gateway loads it", () => {
  const runtime = installedPatchTarget("@graphql-hive/gateway-runtime");

  it("is the version our patch was made for", () => {
    expect(runtime.hasPatch).toBe(true);
  });

  it.each(["index.js", "index.cjs"])("hands yoga the parse caches it is given, in dist/%s", (file) => {
    const source = runtime.dist(file);
    expect(source).toMatch(/parserAndValidationCache: config\.parserAndValidationCache\n/);
  });
});
