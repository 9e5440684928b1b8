import type { StatementKeys } from "@samraad/access";
import type { AlertStore } from "@samraad/alerts";
import type { ClockSettings } from "@samraad/clocks";
import type { BaseContext, PseudonymKey } from "@samraad/subgraph-kit";
import type { Db } from "./data/client.ts";
import type { Loaders } from "./data/loaders.ts";

export interface Context extends BaseContext {
  db: Db;
  loaders: Loaders;
  /** Clock definitions and `now` (injectable for tests). */
  clock: ClockSettings;
  alerts: AlertStore;
  /** The statistics extraction's key (config, parsed at start); null: the extraction answers that it is not configured. */
  pseudonymKey: PseudonymKey | null;
  /** Its statement keys (config, parsed at start): signs the municipality's statements. */
  statementKeys: Required<StatementKeys>;
  /** The cases this request holds a verified grant for (see resolvers/caseGrant.ts). */
  grantedCaseIds: Set<string>;
}
