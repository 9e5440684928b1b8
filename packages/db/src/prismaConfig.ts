import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

/**
 * Every subgraph's prisma.config.ts: its schema and migrations in its own prisma/ folder.
 * Engine "js" with an adapter keeps `prisma generate` and `prisma migrate diff` offline
 * (WASM, no engine download): see DESIGN.md 4a. The connection string matters only to
 * commands that connect; generate and diff never do.
 */
export function subgraphPrismaConfig() {
  return defineConfig({
    experimental: { adapter: true },
    engine: "js",
    schema: "prisma/schema.prisma",
    migrations: { path: "prisma/migrations" },
    async adapter() {
      return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/unused" });
    },
  });
}
