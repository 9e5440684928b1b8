import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// engine "js" + an adapter keeps `prisma generate` and `prisma migrate diff` offline
// (WASM, no engine download): see DESIGN.md 4a.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/unused" });
  },
});
