import { useEffect, useRef, useState } from "react";
import { useClient } from "urql";
import type { CaseChangeKind } from "../generated/graphql.ts";
import { LiveCaseDocument } from "./liveOperations.ts";

/**
 * Whether a page updates by itself: "live" once its stream is open, "connecting" before that
 * and while it reconnects after a break, "refused" when the server said no (the person was
 * removed from the case, or never had it): asking again would be refused again.
 */
export type LiveState = "live" | "connecting" | "refused";

export interface LiveChange {
  change: CaseChangeKind;
  recordId: string | null;
  version: number | null;
}

/** Events that arrive this close together are one refetch (a meeting's save touches several rows). */
const COALESCE_MS = 100;
/** After the stream broke or ended (a gateway restarting, the network): try again this long after. */
const RECONNECT_MS = 3_000;

/**
 * Keeps a page live: subscribes to its case's changes (SSE through the gateway) and calls
 * `onChanges` with what changed, so the page refetches through its ordinary,
 * access-checked query (network-only). The first event is a RESYNC: the subscription is
 * live from there on, so a refetch then misses nothing. `meetingId`: the page is that
 * meeting, and the others who have it open see the user's name.
 *
 * The stream's life is read from the results themselves, not from urql's `fetching`:
 * useSubscription sets `fetching` to false on every event while the stream stays open, so
 * "not fetching" said nothing about the stream having ended. Read that way, every open page
 * took its healthy stream for a broken one, tore it down and subscribed again every 3 s
 * (each time a RESYNC and a refetch of the whole page), and counted as live only in the
 * moment between a new stream's start and its first event: browser tests waiting for "live"
 * timed out once the machine was slow enough to miss that moment.
 */
export function useLiveCase(caseId: string, onChanges: (changes: LiveChange[]) => void, options: { meetingId?: string } = {}) {
  const client = useClient();
  const latest = useRef(onChanges);
  latest.current = onChanges;
  const meetingId = options.meetingId ?? null;
  const [state, setState] = useState<LiveState>("connecting");
  // A new value starts a new stream (after one broke or ended).
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!caseId) return;
    let pending: LiveChange[] = [];
    let coalesce: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const variables = { caseId, meetingId };
    // `attempt` in the context makes each new stream its own operation (never the old result again).
    const source = client.subscription(LiveCaseDocument, variables, { requestPolicy: "network-only", liveAttempt: attempt });
    const { unsubscribe } = source.subscribe((result) => {
      if (done) return;
      // A refusal (NOT_FOUND, UNAUTHORIZED) stays refused: asking again would be refused again.
      if (result.error && !result.error.networkError) {
        done = true;
        setState("refused");
        return;
      }
      // A stream that broke (network error) or that the server ended (a replica stopping):
      // the result that says so repeats the last event, which was already handled. A new
      // stream begins with a RESYNC, which refetches what was missed in between.
      if (result.error || result.hasNext === false) {
        done = true;
        setState("connecting");
        retry = setTimeout(() => setAttempt((n) => n + 1), RECONNECT_MS);
        return;
      }
      const event = result.data?.caseChanged;
      if (!event) return;
      setState("live");
      pending.push({ change: event.change, recordId: event.recordId, version: event.version });
      coalesce ??= setTimeout(() => {
        coalesce = undefined;
        const changes = pending;
        pending = [];
        latest.current(changes);
      }, COALESCE_MS);
    });
    return () => {
      done = true;
      unsubscribe();
      clearTimeout(coalesce);
      clearTimeout(retry);
      setState("connecting");
    };
  }, [client, caseId, meetingId, attempt]);

  return { state };
}
