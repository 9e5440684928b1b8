import { useEffect } from "react";
import { useQuery } from "urql";
import { useI18n } from "../i18n/i18n.tsx";
import { MeetingPresenceDocument } from "./liveOperations.ts";
import type { LiveState } from "./useLiveCase.ts";

/**
 * "Also open now: Camilla Berg (Børnehus)": the others who have this meeting open, by the
 * display names of people who may see the case anyway. `refresh` changes when a PRESENCE
 * event came (useLiveCase), and the list is fetched again.
 */
export function LivePresence({ meetingId, refresh, live }: { meetingId: string; refresh: number; live: LiveState }) {
  const { t, label } = useI18n();
  const [result, refetch] = useQuery({ query: MeetingPresenceDocument, variables: { meetingId }, requestPolicy: "network-only" });
  useEffect(() => {
    if (refresh > 0) refetch({ requestPolicy: "network-only" });
  }, [refresh, refetch]);
  const others = result.data?.samraadMeeting?.openBy ?? [];
  return (
    <p className="muted small no-print" data-live-presence aria-live="polite">
      <LiveStateText state={live} />
      {" · "}
      {others.length === 0
        ? t("live.presence.none")
        : t("live.presence.others", { names: others.map((o) => `${o.name} (${label("Sector", o.sector)})`).join(", ") })}
    </p>
  );
}

const STATE_TEXT = { live: "live.status.live", connecting: "live.status.connecting", refused: "live.status.refused" } as const;

/** Refused is said where a screen reader hears it: the page the person looks at is no longer hers to follow. */
function LiveStateText({ state }: { state: LiveState }) {
  const { t } = useI18n();
  return (
    <span data-live-state={state} role={state === "refused" ? "status" : undefined}>
      {t(STATE_TEXT[state])}
    </span>
  );
}

/**
 * The case page's line under its title: whether it updates by itself. `data-clocks-loaded`
 * tells a browser test the page has everything (an open live stream means the network is
 * never idle).
 */
export function LiveStatus({ live, clocksLoaded }: { live: LiveState; clocksLoaded: boolean }) {
  return (
    <p className="muted small no-print" data-clocks-loaded={clocksLoaded ? "yes" : "no"}>
      <LiveStateText state={live} />
    </p>
  );
}
