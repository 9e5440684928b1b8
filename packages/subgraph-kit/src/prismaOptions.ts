import { PrismaPg } from "@prisma/adapter-pg";

/**
 * The options every subgraph's PrismaClient is made with: the same driver for PGlite
 * and PostgreSQL, and transaction limits that suit PGlite, which runs one transaction
 * at a time for all connections (others wait their turn: maxWait), on a busy machine.
 */
export function prismaClientOptions(url: string) {
  return {
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  };
}
