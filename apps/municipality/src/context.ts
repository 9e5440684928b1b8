import type { AlertStore } from "@samraad/alerts";
import type { ClockSettings } from "@samraad/clocks";
import type { BaseContext } from "@samraad/subgraph-kit";
import type { Loaders } from "./data/loaders.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";

export interface Context extends BaseContext {
  db: PrismaClient;
  loaders: Loaders;
  /** Clock definitions and `now` (injectable for tests). */
  clock: ClockSettings;
  alerts: AlertStore;
  /** The cases this request holds a verified grant for (see resolvers/caseGrant.ts). */
  grantedCaseIds: Set<string>;
}
