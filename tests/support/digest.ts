import type { Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Feeds every file under `paths` (files or folders, absolute), in a stable order, into `hash`:
 * each file's path and content. Names in `skip` are passed over at any depth. What a cache of
 * built or seeded things is keyed on: the stack's database templates (support/stack.ts) and the
 * browser tests' web build (e2e/support/web.ts).
 */
export function hashFiles(hash: Hash, paths: readonly string[], skip: readonly string[]): Hash {
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (!skip.includes(entry)) walk(join(path, entry));
    } else hash.update(`${path}\0`).update(readFileSync(path)).update("\0");
  };
  for (const path of paths) walk(path);
  return hash;
}
