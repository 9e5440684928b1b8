import { fileURLToPath } from "node:url";
import { AlertStore, createAlertWorker, scanEveryMsFromEnv } from "@samraad/alerts";
import { clockSettings } from "@samraad/clocks";
import type { SubgraphDefinition } from "@samraad/subgraph-kit";
import type { Context } from "./context.ts";
import { scanBoernehusAlerts } from "./data/alertScan.ts";
import { createCaseAccess } from "./data/caseAccess.ts";
import type { Db } from "./data/client.ts";
import { createClient } from "./data/client.ts";
import { createLoaders } from "./data/loaders.ts";
import { resolvers } from "./resolvers/index.ts";

export const boernehus: SubgraphDefinition<Db, Context> = {
  name: "boernehus",
  schemaPath: fileURLToPath(new URL("../schema.graphql", import.meta.url)),
  migrationsDir: fileURLToPath(new URL("../prisma/migrations", import.meta.url)),
  resolvers,
  createClient,
  live: true,
  createContext: (db, claims, time, live) => {
    const loaders = createLoaders(db);
    const clock = clockSettings(time);
    const access = createCaseAccess(db, loaders, claims.principal, clock.now());
    return {
      ...claims,
      scopes: claims.scopes,
      db,
      loaders,
      clock,
      alerts: new AlertStore(db),
      access,
      // The børnehus decides the basis itself: its audit log marks the cases read on emergency access.
      emergencyPurposes: access.emergencyPurposes,
      ...(live ? { live } : {}),
    };
  },
  background: (db, time) => {
    const clock = clockSettings(time);
    return createAlertWorker({
      store: new AlertStore(db),
      scanName: "boernehus-alerts",
      scan: (now) => scanBoernehusAlerts(db, clock, now),
      now: clock.now,
      scanEveryMs: scanEveryMsFromEnv(),
    });
  },
};
