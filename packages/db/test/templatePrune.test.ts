import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pruneTestTemplates } from "../src/index.ts";

const NOW = Date.parse("2026-12-07T10:00:00Z");
const HOUR = 3_600_000;
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A template folder (or a leftover) last used `hoursAgo` before NOW. */
function entry(name: string, hoursAgo: number, kind: "folder" | "file" = "folder"): void {
  const path = join(dir, name);
  if (kind === "folder") {
    mkdirSync(path);
    writeFileSync(join(path, "PG_VERSION"), "17");
  } else writeFileSync(path, "123");
  const at = new Date(NOW - hoursAgo * HOUR);
  utimesSync(path, at, at);
}

describe("pruneTestTemplates", () => {
  it("keeps the most recently used templates and removes the rest", () => {
    dir = mkdtempSync(join(tmpdir(), "samraad-prune-"));
    for (let i = 0; i < 6; i++) entry(`police-${i}`, 2 + i);
    const removed = pruneTestTemplates(dir, 4, NOW);
    expect(removed.sort()).toEqual(["police-4", "police-5"]);
    expect(readdirSync(dir).sort()).toEqual(["police-0", "police-1", "police-2", "police-3"]);
  });

  it("never removes a template used within the last hour, however many there are", () => {
    dir = mkdtempSync(join(tmpdir(), "samraad-prune-"));
    for (let i = 0; i < 5; i++) entry(`health-${i}`, 0.1 * i);
    expect(pruneTestTemplates(dir, 2, NOW)).toEqual([]);
    expect(readdirSync(dir)).toHaveLength(5);
  });

  it("removes what a crashed builder left once it is an hour old, not while a build may still run", () => {
    dir = mkdtempSync(join(tmpdir(), "samraad-prune-"));
    entry("boernehus-a.123.ab.partial", 3);
    entry("boernehus-a.lock", 3, "file");
    entry("boernehus-b.456.cd.partial", 0.2);
    entry("boernehus-b.lock", 0.2, "file");
    entry("boernehus-c", 3);
    expect(pruneTestTemplates(dir, 100, NOW).sort()).toEqual(["boernehus-a.123.ab.partial", "boernehus-a.lock"]);
    expect(readdirSync(dir).sort()).toEqual(["boernehus-b.456.cd.partial", "boernehus-b.lock", "boernehus-c"]);
  });

  it("does nothing when there is no template folder yet", () => {
    dir = join(tmpdir(), "samraad-prune-none");
    expect(pruneTestTemplates(dir, 1, NOW)).toEqual([]);
  });
});
