import type { StatementKeys } from "@samraad/access";
import type { AlertingSectorContext } from "@samraad/alerts";
import type { ClockSettings } from "@samraad/clocks";
import type { Db } from "./data/client.ts";
import type { Loaders } from "./data/loaders.ts";

export interface Context extends AlertingSectorContext<Db, Loaders> {
  /** Clock definitions and `now` (injectable for tests). */
  clock: ClockSettings;
  /** Its statement keys (config, parsed at start): signs the municipality's statements. */
  statementKeys: Required<StatementKeys>;
  /** The cases this request holds a verified grant for (see resolvers/caseGrant.ts). */
  grantedCaseIds: Set<string>;
}
