/**
 * The demo's synthetic world lives in the present (DESIGN.md 6a): `npm run dev` seeds, on
 * first start, a world that ends at that moment; after that the demo ages as a real
 * installation would, on the machine's clock. A world older than DEMO_WORLD_MAX_AGE_DAYS is
 * anchored to today again at the next start (its open cases would otherwise have run past
 * every deadline); `npm run seed -- --reset` does it on demand. `.data/seeded.json` records
 * which world is there.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export { DEMO_WORLD } from "@samraad/synthetic";

/** Two weeks of ageing keep every persona's week realistic; past that the demo starts again from today. */
export const DEMO_WORLD_MAX_AGE_DAYS = 14;

export interface SeededWorld {
  courses: number;
  seed: number;
  coursesPerYear: number;
  /** The instant the world ended when it was seeded. */
  until: string;
}

export function readSeededWorld(marker: string): SeededWorld | null {
  if (!existsSync(marker)) return null;
  try {
    const world = JSON.parse(readFileSync(marker, "utf8")) as Partial<SeededWorld>;
    // A marker from before the world had an end (or a damaged one) is no world to keep.
    return typeof world.until === "string" && !Number.isNaN(Date.parse(world.until)) ? (world as SeededWorld) : null;
  } catch {
    return null;
  }
}

export function writeSeededWorld(marker: string, world: SeededWorld): void {
  mkdirSync(dirname(marker), { recursive: true });
  writeFileSync(marker, `${JSON.stringify(world, null, 2)}\n`);
}

/** Whole days since the world ended, on `now`. */
export function worldAgeDays(world: SeededWorld, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(world.until)) / 86_400_000);
}
