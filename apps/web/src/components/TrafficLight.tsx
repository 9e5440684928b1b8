import type { Clock, ClockStatus } from "../domain/clocks.ts";
import { useI18n } from "../i18n/i18n.tsx";

const SYMBOL: Record<ClockStatus, string> = {
  ON_TIME: "●",
  DUE_SOON: "▲",
  OVERDUE: "■",
  MET: "✓",
  MET_LATE: "!",
};

/** One deadline as a traffic light: colour, symbol and text, so colour is never the only cue. */
export function TrafficLight({ clock, compact = false }: { clock: Clock; compact?: boolean }) {
  const { t, date } = useI18n();
  const status = t(`clock.status.${clock.status}`);
  const when = clock.metAt ? t("clock.met", { date: date(clock.metAt) }) : t("clock.due", { date: date(clock.dueAt) });
  const full = `${t(`clock.kind.${clock.kind}`)}: ${status}, ${when}`;
  return (
    <span className={`light light-${clock.status}`} title={full} data-clock={clock.kind} data-status={clock.status}>
      <span aria-hidden="true" className="light-symbol">
        {SYMBOL[clock.status]}
      </span>
      {compact ? (
        <>
          <span aria-hidden="true">{t(`clock.short.${clock.kind}`)}</span>
          <span className="visually-hidden">{full}</span>
        </>
      ) : (
        <span>{full}</span>
      )}
    </span>
  );
}

export function ClockList({ clocks, compact = false }: { clocks: Clock[]; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <ul className={compact ? "clocks clocks-compact" : "clocks"} aria-label={t("clock.legend")}>
      {clocks.map((clock) => (
        <li key={`${clock.kind}-${clock.subjectId ?? ""}-${clock.dueAt}`}>
          <TrafficLight clock={clock} compact={compact} />
        </li>
      ))}
    </ul>
  );
}
