import { useEffect, useRef } from "react";
import { useSubscription } from "urql";
import type { CaseChangeKind } from "../generated/graphql.ts";
import { LiveCaseDocument } from "./liveOperations.ts";

export interface LiveChange {
  change: CaseChangeKind;
  recordId: string | null;
  version: number | null;
}

/** Events that arrive this close together are one refetch (a meeting's save touches several rows). */
const COALESCE_MS = 100;
/** After the stream broke (a gateway restarting, the network): try again this long after. */
const RECONNECT_MS = 3_000;

/**
 * Keeps a page live: subscribes to its case's changes (SSE through the gateway) and calls
 * `onChanges` with what changed, so the page refetches through its ordinary,
 * access-checked query (network-only). The first event is a RESYNC: the subscription is
 * live from there on, so a refetch then misses nothing. `meetingId`: the page is that
 * meeting, and the others who have it open see the user's name.
 */
export function useLiveCase(caseId: string, onChanges: (changes: LiveChange[]) => void, options: { meetingId?: string } = {}) {
  const latest = useRef(onChanges);
  latest.current = onChanges;
  const pending = useRef<LiveChange[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [result, resubscribe] = useSubscription(
    { query: LiveCaseDocument, variables: { caseId, meetingId: options.meetingId ?? null }, pause: !caseId },
    (_previous: unknown, data) => {
      const { change, recordId, version } = data.caseChanged;
      pending.current.push({ change, recordId, version });
      if (timer.current === undefined) {
        timer.current = setTimeout(() => {
          timer.current = undefined;
          const changes = pending.current;
          pending.current = [];
          latest.current(changes);
        }, COALESCE_MS);
      }
      return data;
    },
  );
  // A broken stream (network error), or one the server ended (a replica stopping), is
  // tried again; a refusal (NOT_FOUND, UNAUTHORIZED) stays refused. The new stream's
  // RESYNC then refetches what was missed in between.
  const ended = !result.fetching && result.data !== undefined && !result.error;
  const broken = Boolean(result.error?.networkError) || ended;
  useEffect(() => {
    if (!broken) return;
    const retry = setTimeout(() => resubscribe({ requestPolicy: "network-only" }), RECONNECT_MS);
    return () => clearTimeout(retry);
  }, [broken, resubscribe]);
  useEffect(() => () => clearTimeout(timer.current), []);
  // Live once the first event (the RESYNC) came, until the stream breaks.
  return { live: result.data !== undefined && result.fetching && !result.error };
}
