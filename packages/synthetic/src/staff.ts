/**
 * Synthetic staff: the caseworkers, investigators, physicians, coordinators and
 * psychologists who are not demo personas. Each organisation has a fixed pool sized by
 * how many children it serves, so caseload per caseworker comes out plausible.
 *
 * A staff member's sub ("staff:0751:cw:3") and name depend only on the organisation and
 * number, never on the world seed: the same person keeps the same name in every world.
 */
import type { CourseParticipant, Region } from "./model.ts";
import { MUNICIPALITIES, REGIONS } from "./municipalities.ts";
import { adultName } from "./names.ts";
import { HEALTH_REGIONS, POLICE_DISTRICTS } from "./organisations.ts";
import { requirePersona } from "./personas.ts";
import { hashString, Random } from "./random.ts";

export type StaffKind = "cw" | "inv" | "phys" | "coord" | "psy";

const KINDS: Readonly<Record<StaffKind, Pick<CourseParticipant, "sector" | "role">>> = {
  cw: { sector: "MUNICIPALITY", role: "caseworker" },
  inv: { sector: "POLICE", role: "investigator" },
  phys: { sector: "HEALTH", role: "physician" },
  coord: { sector: "BOERNEHUS", role: "coordinator" },
  psy: { sector: "BOERNEHUS", role: "psychologist" },
};

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

const CHILDREN_BY_REGION = new Map<Region, number>(
  REGIONS.map((r) => [r, MUNICIPALITIES.filter((m) => m.region === r).reduce((s, m) => s + m.children, 0)]),
);
const CHILDREN_BY_MUNICIPALITY = new Map(MUNICIPALITIES.map((m) => [m.code, m.children]));

/** Pool sizes: one caseworker per ~4,000 children is about one new børnehus course a month each. */
function poolSize(kind: StaffKind, organisation: string): number {
  switch (kind) {
    case "cw":
      return clamp(Math.round((CHILDREN_BY_MUNICIPALITY.get(organisation) ?? 0) / 4000), 2, 30);
    case "inv": {
      const district = POLICE_DISTRICTS.find((d) => d.code === organisation);
      const children = (district?.municipalityCodes ?? []).reduce((s, c) => s + (CHILDREN_BY_MUNICIPALITY.get(c) ?? 0), 0);
      return clamp(Math.round(children / 15000), 3, 12);
    }
    case "phys": {
      const region = HEALTH_REGIONS.find((h) => h.code === organisation)?.region;
      return clamp(Math.round((region ? (CHILDREN_BY_REGION.get(region) ?? 0) : 0) / 25000), 4, 14);
    }
    case "coord":
      return clamp(Math.round((CHILDREN_BY_REGION.get(organisation as Region) ?? 0) / 80000), 2, 6);
    case "psy":
      return clamp(Math.round((CHILDREN_BY_REGION.get(organisation as Region) ?? 0) / 40000), 3, 10);
  }
}

const cache = new Map<string, CourseParticipant>();
/** Pools by kind and organisation, filled on first use: a course draws five or so people. */
const pools = new Map<string, CourseParticipant[]>();

/** Staff member number `n` (1-based) of a kind in an organisation. */
export function staffMember(kind: StaffKind, organisation: string, n: number): CourseParticipant {
  const sub = `staff:${organisation}:${kind}:${n}`;
  let member = cache.get(sub);
  if (!member) {
    member = { sub, name: adultName(new Random(hashString(sub))), organisation, ...KINDS[kind] };
    cache.set(sub, member);
  }
  return member;
}

function pool(kind: StaffKind, organisation: string): CourseParticipant[] {
  const key = `${kind}|${organisation}`;
  let members = pools.get(key);
  if (!members) {
    members = Array.from({ length: poolSize(kind, organisation) }, (_, i) => staffMember(kind, organisation, i + 1));
    pools.set(key, members);
  }
  return members;
}

/** The whole pool of one kind in one organisation. */
export function staffOf(kind: StaffKind, organisation: string): CourseParticipant[] {
  return pool(kind, organisation).slice();
}

/** A random member of the pool. */
export function randomStaff(rng: Random, kind: StaffKind, organisation: string): CourseParticipant {
  return rng.pick(pool(kind, organisation));
}

/** Every synthetic staff member in the country (not the personas). */
export function listStaff(): CourseParticipant[] {
  return [
    ...MUNICIPALITIES.flatMap((m) => staffOf("cw", m.code)),
    ...POLICE_DISTRICTS.flatMap((d) => staffOf("inv", d.code)),
    ...HEALTH_REGIONS.flatMap((h) => staffOf("phys", h.code)),
    ...REGIONS.flatMap((r) => staffOf("coord", r)),
    ...REGIONS.flatMap((r) => staffOf("psy", r)),
  ];
}

/**
 * Where a demo persona takes a role instead of synthetic staff. Keyed by the municipality
 * of the course, because that is what decides who is involved (the child's municipality,
 * its police district, its region's hospitals and børnehus).
 */
const PERSONA_PARTICIPANTS: Readonly<Record<string, Partial<Record<StaffKind, string>>>> = {
  "0101": {
    cw: "caseworker-kbh",
    inv: "investigator-kbh",
    phys: "physician-rh",
    coord: "coordinator-hovedstaden",
    psy: "psychologist-hovedstaden",
  },
  "0147": { cw: "caseworker-frb" },
};

/** The persona who takes this role in courses of this municipality, as a participant. */
export function personaParticipantFor(municipalityCode: string, kind: StaffKind, organisation: string): CourseParticipant | null {
  const id = PERSONA_PARTICIPANTS[municipalityCode]?.[kind];
  if (!id) return null;
  const p = requirePersona(id);
  // A persona only stands in for its own organisation (a 0101 child examined elsewhere gets that region's physician).
  if (p.organisation !== organisation) return null;
  return {
    sub: p.sub,
    name: p.name,
    sector: p.sector as CourseParticipant["sector"],
    organisation: p.organisation,
    role: KINDS[kind].role,
  };
}

/**
 * Who takes a role in a course: the persona if one is set for the municipality,
 * otherwise a random member of the organisation's pool.
 */
export function participantFor(rng: Random, kind: StaffKind, organisation: string, municipalityCode: string): CourseParticipant {
  return personaParticipantFor(municipalityCode, kind, organisation) ?? randomStaff(rng, kind, organisation);
}
