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
  /** This sector's alerts and webhook deliveries (samraad_meta). */
  alerts: AlertStore;
  /** The statistics extraction's key (config, parsed at start); null: the extraction answers that it is not configured. */
  pseudonymKey: PseudonymKey | null;
  /** The municipality's statement key (config, parsed at start): verifies its statements. */
  statementKeys: StatementKeys;
}
