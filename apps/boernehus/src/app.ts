import { fileURLToPath } from "node:url";
import { AlertStore, createAlertWorker } from "@samraad/alerts";
import { clockSettings } from "@samraad/clocks";
import type { SubgraphDefinition } from "@samraad/subgraph-kit";
import { type BoernehusConfig, boernehusEnvironment } from "./config.ts";
import type { Context } from "./context.ts";
import { scanBoernehusAlerts } from "./data/alertScan.ts";
import { createCaseAccess } from "./data/caseAccess.ts";
import type { Db } from "./data/client.ts";
import { createClient } from "./data/client.ts";
import { createLoaders } from "./data/loaders.ts";
import { resolvers } from "./resolvers/index.ts";

export const boernehus: SubgraphDefinition<Db, Context, BoernehusConfig> = {
  name: "boernehus",
  environment: boernehusEnvironment,
  schemaPath: fileURLToPath(new URL("../schema.graphql", import.meta.url)),
  migrationsDir: fileURLToPath(new URL("../prisma/migrations", import.meta.url)),
  resolvers,
  createClient,
  live: true,
  createContext: (db, claims, time, config, live) => {
    const loaders = createLoaders(db);
    const clock = clockSettings(time, { finalNoteMonths: config.finalNoteTargetMonths });
    const access = createCaseAccess(db, loaders, claims.principal, clock.now(), config.access);
    return {
      ...claims,
      scopes: claims.scopes,
      db,
      loaders,
      clock,
      alerts: new AlertStore(db, config.webhookEndpoints),
      statementKeys: config.statementKeys,
      pseudonymKey: config.pseudonymKey,
      access,
      accessAt: (now) => createCaseAccess(db, createLoaders(db), claims.principal, now, config.access),
      // The børnehus decides the basis itself: its audit log marks the cases read on emergency access.
      emergencyPurposes: access.emergencyPurposes,
      ...(live ? { live } : {}),
    };
  },
  background: (db, time, config) => {
    const clock = clockSettings(time, { finalNoteMonths: config.finalNoteTargetMonths });
    return createAlertWorker({
      store: new AlertStore(db, config.webhookEndpoints),
      scanName: "boernehus-alerts",
      scan: (now) => scanBoernehusAlerts(db, clock, now, { consultationReminderWeeks: config.consultationReminderWeeks }),
      now: clock.now,
      scanEveryMs: config.alertScanEveryMs,
    });
  },
};
