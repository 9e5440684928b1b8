import { prismaClientOptions } from "@samraad/subgraph-kit";
import { PrismaClient } from "../generated/prisma/client.ts";

/** One client (and connection pool) per process; the same driver for PGlite and PostgreSQL. */
export function createClient(url: string): PrismaClient {
  return new PrismaClient(prismaClientOptions(url));
}
