import { fileURLToPath } from "node:url";
import { AlertStore, createAlertWorker } from "@samraad/alerts";
import { clockSettings } from "@samraad/clocks";
import type { SubgraphDefinition } from "@samraad/subgraph-kit";
import { type PoliceConfig, policeEnvironment } from "./config.ts";
import type { Context } from "./context.ts";
import { scanPoliceAlerts } from "./data/alertScan.ts";
import type { Db } from "./data/client.ts";
import { createClient } from "./data/client.ts";
import { createLoaders } from "./data/loaders.ts";
import { resolvers } from "./resolvers/index.ts";

export const police: SubgraphDefinition<Db, Context, PoliceConfig> = {
  name: "police",
  environment: policeEnvironment,
  schemaPath: fileURLToPath(new URL("../schema.graphql", import.meta.url)),
  migrationsDir: fileURLToPath(new URL("../prisma/migrations", import.meta.url)),
  resolvers,
  createClient,
  createContext: (db, claims, time, config) => ({
    ...claims,
    scopes: claims.scopes,
    db,
    loaders: createLoaders(db),
    clock: clockSettings(time),
    alerts: new AlertStore(db, config.webhookEndpoints),
    statementKeys: config.statementKeys,
    pseudonymKey: config.pseudonymKey,
  }),
  background: (db, time, config) => {
    const clock = clockSettings(time);
    return createAlertWorker({
      store: new AlertStore(db, config.webhookEndpoints),
      scanName: "police-alerts",
      scan: (now) => scanPoliceAlerts(db, clock, now),
      now: clock.now,
      scanEveryMs: config.alertScanEveryMs,
    });
  },
};
