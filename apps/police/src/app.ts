import { alertingSectorContext, sectorAlertWorker } from "@samraad/alerts";
import { clockSettings } from "@samraad/clocks";
import { type SubgraphDefinition, subgraphFiles } from "@samraad/subgraph-kit";
import { type PoliceConfig, policeEnvironment } from "./config.ts";
import type { Context } from "./context.ts";
import { scanPoliceAlerts } from "./data/alertScan.ts";
import type { Db } from "./data/client.ts";
import { createClient } from "./data/client.ts";
import { createLoaders } from "./data/loaders.ts";
import { resolvers } from "./resolvers/index.ts";

export const police: SubgraphDefinition<Db, Context, PoliceConfig> = {
  name: "police",
  ...subgraphFiles(import.meta.url),
  environment: policeEnvironment,
  resolvers,
  createClient,
  createContext: (db, claims, time, config) => ({
    ...alertingSectorContext(claims, db, createLoaders(db), config),
    clock: clockSettings(time),
    statementKeys: config.statementKeys,
  }),
  background: (db, time, config) => {
    const clock = clockSettings(time);
    return sectorAlertWorker(db, config, { name: "police-alerts", now: clock.now, due: (now) => scanPoliceAlerts(db, clock, now) });
  },
};
