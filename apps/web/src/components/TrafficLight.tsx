import type { Clock, ClockStatus } from "../domain/clocks.ts";
import { graphql } from "../generated/gql.ts";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * What a traffic light reads of a clock. Each sector computes its own clocks under its own
 * type, so the selection is named once per type; a case's three lists go together, because
 * a page shows them merged (mergeClocks).
 */
export const ClockFieldsFragmentDocs = graphql(`
  fragment BoernehusClockFields on BoernehusClock { kind subjectId status startedAt dueAt metAt }
  fragment MunicipalityClockFields on MunicipalityClock { kind subjectId status startedAt dueAt metAt }
  fragment PoliceClockFields on PoliceClock { kind subjectId status startedAt dueAt metAt }
  fragment CaseClocks on BoernehusCase {
    id
    boernehusClocks { ...BoernehusClockFields }
    municipalityClocks { ...MunicipalityClockFields }
    policeClocks { ...PoliceClockFields }
  }
`);

const SYMBOL: Record<ClockStatus, string> = {
  ON_TIME: "●",
  DUE_SOON: "▲",
  OVERDUE: "■",
  MET: "✓",
  MET_LATE: "!",
};

/** One deadline as a traffic light: colour, symbol and text, so colour is never the only cue. */
export function TrafficLight({ clock, compact = false, count = 1 }: { clock: Clock; compact?: boolean; count?: number }) {
  const { t, date } = useI18n();
  const status = t(`clock.status.${clock.status}`);
  const when = clock.metAt ? t("clock.met", { date: date(clock.metAt) }) : t("clock.due", { date: date(clock.dueAt) });
  const kind = count > 1 ? t("clock.group", { clock: t(`clock.kind.${clock.kind}`), count }) : t(`clock.kind.${clock.kind}`);
  const full = `${kind}: ${status}, ${when}`;
  return (
    <span className={`light light-${clock.status}`} title={full} data-clock={clock.kind} data-status={clock.status}>
      <span aria-hidden="true" className="light-symbol">
        {SYMBOL[clock.status]}
      </span>
      {compact ? (
        <>
          <span aria-hidden="true">{t(`clock.short.${clock.kind}`)}</span>
          <span className="sr-only">{full}</span>
        </>
      ) : (
        <span>{full}</span>
      )}
    </span>
  );
}

/**
 * Clocks that read the same (one per recommendation, say: same kind, status and dates) shown
 * once with their number, not as identical chips side by side.
 */
export function groupClocks(clocks: readonly Clock[]): Array<{ clock: Clock; count: number }> {
  const groups = new Map<string, { clock: Clock; count: number }>();
  for (const clock of clocks) {
    const key = `${clock.kind}|${clock.status}|${clock.dueAt}|${clock.metAt ?? ""}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { clock, count: 1 });
  }
  return [...groups.values()];
}

export function ClockList({ clocks, compact = false }: { clocks: Clock[]; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <ul className={compact ? "nobullet-list clocks clocks-compact" : "nobullet-list clocks"} aria-label={t("clock.legend")}>
      {groupClocks(clocks).map(({ clock, count }) => (
        <li key={`${clock.kind}-${clock.subjectId ?? ""}-${clock.dueAt}`}>
          <TrafficLight clock={clock} compact={compact} count={count} />
        </li>
      ))}
    </ul>
  );
}
