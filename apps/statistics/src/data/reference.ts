import type { MunicipalityRef } from "../domain/units.ts";
import type { AgeBand, PrismaClient, Region } from "../generated/prisma/client.ts";

export interface PopulationRow {
  municipalityCode: string;
  municipalityName: string;
  region: Region;
  ageBand: AgeBand;
  children: number;
}

/** Replaces the municipalities and their child population (the seeding path; FOLK1A in production). */
export async function loadPopulation(db: PrismaClient, rows: readonly PopulationRow[]): Promise<void> {
  const municipalities = new Map(
    rows.map((r) => [r.municipalityCode, { code: r.municipalityCode, name: r.municipalityName, region: r.region }]),
  );
  await db.$transaction([
    db.childPopulation.deleteMany({}),
    db.municipality.deleteMany({}),
    db.municipality.createMany({ data: [...municipalities.values()] }),
    db.childPopulation.createMany({
      data: rows.map((r) => ({ municipalityCode: r.municipalityCode, ageBand: r.ageBand, children: r.children })),
    }),
  ]);
}

export async function municipalities(db: PrismaClient): Promise<MunicipalityRef[]> {
  return db.municipality.findMany({ select: { code: true, name: true, region: true }, orderBy: { code: "asc" } });
}

/** Children per municipality and age band. */
export async function population(db: PrismaClient): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  for (const row of await db.childPopulation.findMany()) {
    const bands = out.get(row.municipalityCode) ?? new Map<string, number>();
    bands.set(row.ageBand, row.children);
    out.set(row.municipalityCode, bands);
  }
  return out;
}
