import { fileURLToPath } from "node:url";
import { AlertStore, createAlertWorker } from "@samraad/alerts";
import { clockSettings } from "@samraad/clocks";
import type { SubgraphDefinition } from "@samraad/subgraph-kit";
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
  environment: municipalityEnvironment,
  schemaPath: fileURLToPath(new URL("../schema.graphql", import.meta.url)),
  migrationsDir: fileURLToPath(new URL("../prisma/migrations", import.meta.url)),
  resolvers,
  createClient,
  createContext: (db, claims, time, config) => ({
    ...claims,
    scopes: claims.scopes,
    db,
    loaders: createLoaders(db),
    clock: clockSettings(time, { recommendationAnswerDays: config.recommendationAnswerDays }),
    alerts: new AlertStore(db, config.webhookEndpoints),
    statementKeys: config.statementKeys,
    pseudonymKey: config.pseudonymKey,
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
    return createAlertWorker({
      store: new AlertStore(db, config.webhookEndpoints),
      scanName: "municipality-alerts",
      scan: async (now) => (found ? scanMunicipalityAlerts(db, clock, now, found.source, found.courses) : []),
      now: clock.now,
      scanEveryMs: config.alertScanEveryMs,
    });
  },
};
