import { syntheticChildPopulation } from "@samraad/synthetic";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { loadPopulation } from "./reference.ts";

/** The seeding path: the municipalities with SYNTHETIC child population figures. */
export async function seedStatistics(db: PrismaClient): Promise<void> {
  await loadPopulation(db, syntheticChildPopulation());
}
