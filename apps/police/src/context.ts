import type { StatementKeys } from "@samraad/access";
import type { AlertingSectorContext } from "@samraad/alerts";
import type { ClockSettings } from "@samraad/clocks";
import type { Db } from "./data/client.ts";
import type { Loaders } from "./data/loaders.ts";

export interface Context extends AlertingSectorContext<Db, Loaders> {
  /** Clock definitions and `now` (injectable for tests). */
  clock: ClockSettings;
  /** The municipality's statement key (config, parsed at start): verifies its statements. */
  statementKeys: StatementKeys;
}
