/**
 * A small seeded pseudo-random number generator, so the synthetic world is a pure
 * function of its options (no Math.random(), no clock).
 *
 * Why sfc32 and not mulberry32: mulberry32 has 32 bits of state on one single cycle, so
 * giving every course its own stream (seeded from the world seed and the course index)
 * would make the streams of 100,000 courses overlap, and overlapping streams produce
 * identical UUIDs. sfc32 has 128 bits of state; independently seeded streams practically
 * never meet. Each course gets its own stream so one course can be regenerated without
 * the ones before it, and so adding a field to one course does not reshuffle the others.
 */

/** A list of choices with relative weights (they need not sum to 1). */
export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/** murmur3's finaliser: spreads every input bit over every output bit. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A stable 32-bit hash of a string (FNV-1a, then mixed), for seeding by name. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return mix32(h);
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex32(n: number): string {
  return (
    (HEX[(n >>> 24) & 0xff] as string) + (HEX[(n >>> 16) & 0xff] as string) + (HEX[(n >>> 8) & 0xff] as string) + (HEX[n & 0xff] as string)
  );
}

/**
 * A weighted table prepared once (cumulative weights, binary search), for long lists
 * sampled once per course, such as the 98 municipalities.
 */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: number[];

  constructor(entries: Weighted<T>) {
    let sum = 0;
    this.values = entries.map(([v]) => v);
    this.cumulative = entries.map(([, w]) => {
      sum += w;
      return sum;
    });
    if (this.values.length === 0 || !(sum > 0)) throw new Error("weighted table needs a positive total weight");
  }

  sample(rng: Random): T {
    const total = this.cumulative[this.cumulative.length - 1] as number;
    const r = rng.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` selects an independent sequence for the same seed (e.g. the course index). */
  constructor(seed: number, stream = 0) {
    const s = mix32(seed);
    const t = mix32(stream ^ 0x5bd1e995);
    this.a = mix32(s ^ t);
    this.b = mix32(s + 0x632be5ab);
    this.c = mix32(t + 0x1b873593);
    this.d = 1;
    // sfc32 needs a few rounds before the state is well mixed.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** The next 32-bit unsigned integer (sfc32). */
  uint32(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(entries: Weighted<T>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }

  /** Normal distribution (Box-Muller; one value per call keeps the stream simple). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next(); // (0, 1], so log(u) is finite
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A normal draw clamped to [min, max]: durations that must stay plausible. */
  clampedNormal(mean: number, sd: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, this.normal(mean, sd)));
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }

  /** A random (version 4, RFC 9562 variant) UUID drawn from this stream. */
  uuid(): string {
    const a = this.uint32();
    const b = ((this.uint32() & 0xffff0fff) | 0x00004000) >>> 0; // third group starts with the version, 4
    const c = ((this.uint32() & 0x3fffffff) | 0x80000000) >>> 0; // fourth group starts with variant bits 10
    const d = this.uint32();
    return `${hex32(a)}-${HEX[b >>> 24]}${HEX[(b >>> 16) & 0xff]}-${HEX[(b >>> 8) & 0xff]}${HEX[b & 0xff]}-${HEX[c >>> 24]}${HEX[(c >>> 16) & 0xff]}-${HEX[(c >>> 8) & 0xff]}${HEX[c & 0xff]}${hex32(d)}`;
  }
}
