import { type FactSector, factQueryField } from "@samraad/statistics-catalogue";
import { danishDate } from "@samraad/subgraph-kit";
import { factSelection } from "../data/factColumns.ts";
import {
  createStaging,
  replaceFactsFromStaging,
  type SectorFact,
  type SurveyFact,
  stageSectorPage,
  stageSurveyPage,
  type Tx,
} from "../data/staging.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { factPages, type TokenSource } from "./gatewayClient.ts";

export interface ExtractionResult {
  courses: number;
  assignments: number;
  asOf: string;
  milliseconds: number;
}

/** One sector's part of the extraction: which facts to ask the gateway for, and where a page of them goes. */
interface Sector<F> {
  field: string;
  selection: string;
  stage(tx: Tx, facts: readonly F[]): Promise<void>;
}

/** A sector's course facts: the fields and the staging follow from the declared columns (data/factColumns.ts). */
const courseFacts = <S extends FactSector>(sector: S): Sector<SectorFact<S>> => ({
  field: factQueryField(sector),
  selection: factSelection(sector),
  stage: (tx, facts) => stageSectorPage(tx, sector, facts),
});

const SURVEYS: Sector<SurveyFact> = {
  field: "boernehusSurveyFacts",
  selection: "region respondent answeredOn answers { questionKey score }",
  stage: stageSurveyPage,
};

// The transaction spans the fetching through the gateway too, not only the writing: at 100k
// courses that is minutes, not seconds. PostgreSQL readers are not held up meanwhile (the old
// facts are deleted only at the end and stay visible to them until the commit); embedded
// PGlite, one session for all connections, makes them wait for the extraction to finish.
const EXTRACTION_TIMEOUT_MS = 600_000;

interface GatewaySource {
  gatewayUrl: string;
  token: TokenSource;
  pageSize: number;
}

/**
 * One extraction: streams every sector's pseudonymised facts through the gateway, page by
 * page, into staging tables, then replaces the statistics database's facts set-wise from them
 * (staging.ts: the børnehus's courses are the population, joined on the course pseudonym), all
 * in one transaction. Memory holds a page per sector, not the courses: it no longer grows with
 * their number. If the gateway refuses any page, the transaction rolls back and the previous
 * facts stay.
 */
export async function extractStatistics(options: {
  db: PrismaClient;
  gatewayUrl: string;
  token: TokenSource;
  pageSize?: number;
  /** When the extraction starts, on the service's one clock: the facts are as of that day. */
  now: Date;
}): Promise<ExtractionResult> {
  const started = performance.now();
  const startedAt = options.now;
  const asOf = danishDate(startedAt);
  const source: GatewaySource = { gatewayUrl: options.gatewayUrl, token: options.token, pageSize: options.pageSize ?? 2000 };
  const written = await options.db.$transaction(
    async (tx) => {
      await oneExtractionAtATime(tx);
      await createStaging(tx);
      await stageSectors(tx, source);
      return replaceFactsFromStaging(tx, { startedAt, asOf, elapsedMs: () => performance.now() - started });
    },
    { timeout: EXTRACTION_TIMEOUT_MS },
  );
  return { ...written, asOf, milliseconds: Math.round(performance.now() - started) };
}

/** Another replica (or a run that outlasted its period) is extracting; this one did nothing. */
export class ExtractionBusyError extends Error {
  constructor() {
    super("Another statistics extraction is running; this one was not started.");
  }
}

/**
 * One extraction at a time across every replica: a transaction-level advisory lock on the
 * statistics database, released at commit or rollback (also when a replica dies mid-run).
 * A second extraction would delete and insert the same facts beside the first and fail on
 * their primary key at commit; this one stops at once instead.
 */
async function oneExtractionAtATime(tx: Tx): Promise<void> {
  const [lock] = await tx.$queryRawUnsafe<Array<{ locked: boolean }>>(
    "SELECT pg_try_advisory_xact_lock(hashtext('samraad:statistics-extraction')) AS locked",
  );
  if (!lock?.locked) throw new ExtractionBusyError();
}

/**
 * Fetches the three sectors (and the børnehus's survey answers) concurrently, each writing its pages into staging as they arrive.
 * The transaction has one connection, so the writes take turns. The first failure stops the
 * other sectors at their next page and is what the extraction fails with; every sector has
 * stopped before this returns, so none writes into a rolled-back transaction.
 */
async function stageSectors(tx: Tx, source: GatewaySource): Promise<void> {
  const stop = new AbortController();
  const write = oneAtATime();
  const stream = async <F>(sector: Sector<F>) => {
    try {
      await stageSector(tx, source, sector, write, stop.signal);
    } catch (error) {
      if (!stop.signal.aborted) stop.abort(error);
    }
  };
  await Promise.all([
    stream(courseFacts("boernehus")),
    stream(courseFacts("municipality")),
    stream(courseFacts("police")),
    stream(SURVEYS),
  ]);
  if (stop.signal.aborted) throw stop.signal.reason;
}

/** One sector's pages into staging, the next page fetched only once the last is written. */
async function stageSector<F>(
  tx: Tx,
  source: GatewaySource,
  sector: Sector<F>,
  write: <T>(step: () => Promise<T>) => Promise<T>,
  signal: AbortSignal,
): Promise<void> {
  const pages = factPages<F>(source.gatewayUrl, source.token, sector.field, sector.selection, source.pageSize);
  for await (const facts of pages) {
    // Checked when the page's write has its turn rather than handed to fetch (which would add
    // a listener to the one signal per request, dozens per sector): a page in flight finishes.
    await write(() => {
      signal.throwIfAborted();
      return sector.stage(tx, facts);
    });
  }
}

/**
 * Runs the steps handed to it one after another, in the order they were handed over: an
 * interactive transaction is one connection, which takes one statement at a time.
 */
function oneAtATime(): <T>(step: () => Promise<T>) => Promise<T> {
  let previous: Promise<unknown> = Promise.resolve();
  return (step) => {
    const next = previous.then(step);
    previous = next.catch(() => undefined);
    return next;
  };
}
