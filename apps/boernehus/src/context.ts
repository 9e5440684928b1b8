import type { StatementKeys } from "@samraad/access";
import type { AlertingSectorContext } from "@samraad/alerts";
import type { ClockSettings } from "@samraad/clocks";
import type { LiveHub } from "@samraad/subgraph-kit";
import type { CaseAccess } from "./data/caseAccess.ts";
import type { Db } from "./data/client.ts";
import type { Loaders } from "./data/loaders.ts";

export interface Context extends AlertingSectorContext<Db, Loaders> {
  /** Clock definitions and `now` (injectable for tests). */
  clock: ClockSettings;
  /** The municipality's statement key (config, parsed at start): verifies its statements. */
  statementKeys: StatementKeys;
  /** Row-level access to cases for this request's principal (the børnehus decides it). */
  access: CaseAccess;
  /** The same row rule decided afresh (new loaders) at `now`: a live stream re-checks it while it runs. */
  accessAt(now: Date): CaseAccess;
  /** This process's live events (LISTEN on the database), for subscriptions. */
  live?: LiveHub;
  /** Set for a subscription: aborts when its subscriber goes (subscriptions.ts in subgraph-kit). */
  signal?: AbortSignal;
}
