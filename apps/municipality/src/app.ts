import { alertingSectorContext, sectorAlertWorker } from "@samraad/alerts";
import { clockSettings } from "@samraad/clocks";
import { type SubgraphDefinition, subgraphFiles } from "@samraad/subgraph-kit";
import { type MunicipalityConfig, municipalityEnvironment } from "./config.ts";
import type { Context } from "./context.ts";
import { scanMunicipalityAlerts } from "./data/alertScan.ts";
import type { Db } from "./data/client.ts";
import { createClient } from "./data/client.ts";
import { followUpFactSources } from "./data/followUpFacts.ts";
import { createLoaders } from "./data/loaders.ts";
import { resolvers } from "./resolvers/index.ts";

export const municipality: SubgraphDefinition<Db, Context, MunicipalityConfig> = {
  name: "municipality",
  ...subgraphFiles(import.meta.url),
  environment: municipalityEnvironment,
  resolvers,
  createClient,
  createContext: (db, claims, time, config) => ({
    ...alertingSectorContext(claims, db, createLoaders(db), config),
    clock: clockSettings(time, { recommendationAnswerDays: config.recommendationAnswerDays }),
    statementKeys: config.statementKeys,
    grantedCaseIds: new Set<string>(),
  }),
  background: (db, time, config) => {
    const clock = clockSettings(time, { recommendationAnswerDays: config.recommendationAnswerDays });
    // The follow-up facts are the børnehus's: read through the gateway, or not at all.
    const facts = followUpFactSources(config.followUp);
    if (!facts.source) {
      console.log(JSON.stringify({ level: "info", msg: `municipality alert scan skipped: ${facts.skipped}` }));
    }
    const found = facts.source ? facts : null;
    return sectorAlertWorker(db, config, {
      name: "municipality-alerts",
      now: clock.now,
      due: async (now) => (found ? scanMunicipalityAlerts(db, clock, now, found.source, found.courses) : []),
    });
  },
};
