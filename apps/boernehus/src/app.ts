import { alertingSectorContext, sectorAlertWorker } from "@samraad/alerts";
import { clockSettings } from "@samraad/clocks";
import { type SubgraphDefinition, subgraphFiles } from "@samraad/subgraph-kit";
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
  ...subgraphFiles(import.meta.url),
  environment: boernehusEnvironment,
  resolvers,
  createClient,
  live: true,
  createContext: (db, claims, time, config, live) => {
    const loaders = createLoaders(db);
    const clock = clockSettings(time, { finalNoteMonths: config.finalNoteTargetMonths });
    const access = createCaseAccess(db, loaders, claims.principal, clock.now(), config.access);
    return {
      ...alertingSectorContext(claims, db, loaders, config),
      clock,
      statementKeys: config.statementKeys,
      access,
      accessAt: (now) => createCaseAccess(db, createLoaders(db), claims.principal, now, config.access),
      // The børnehus decides the basis itself: its audit log marks the cases read on emergency access.
      emergencyPurposes: access.emergencyPurposes,
      ...(live ? { live } : {}),
    };
  },
  background: (db, time, config) => {
    const clock = clockSettings(time, { finalNoteMonths: config.finalNoteTargetMonths });
    return sectorAlertWorker(db, config, {
      name: "boernehus-alerts",
      now: clock.now,
      due: (now) => scanBoernehusAlerts(db, clock, now, { consultationReminderWeeks: config.consultationReminderWeeks }),
    });
  },
};
