import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n.tsx";

export interface BarRow {
  /** Unique within the chart; also the row's data-key (tests find a unit by it). */
  key: string;
  label: string;
  /** The dark bar. Null draws no bar: `text` says why (suppressed, or no figure). */
  value: number | null;
  /** A lighter bar behind the dark one: e.g. "measure or other support" behind "measure", or the 90th percentile behind the median. */
  behind?: number | null;
  /** The figures as text beside the bar: the bars are for the eye, the text is for everyone. */
  text: ReactNode;
  /** The reference row (the whole country), set apart. */
  reference?: boolean;
}

/**
 * A horizontal bar chart, HTML and CSS only, with every figure written beside its bar. The bars
 * are hidden from assistive technology; the figure's caption names the chart (visible or not).
 * `max` fixes the scale (1 for shares); otherwise the largest value fills the width.
 */
export function Bars({
  title,
  rows,
  max,
  legend,
  showTitle = false,
}: {
  title: string;
  rows: readonly BarRow[];
  max?: number;
  legend?: { value: string; behind: string };
  showTitle?: boolean;
}) {
  const { t } = useI18n();
  const top = max ?? Math.max(0, ...rows.flatMap((r) => [r.value ?? 0, r.behind ?? 0]));
  const width = (v: number) => `${top > 0 ? Math.max(0, Math.min(100, (100 * v) / top)) : 0}%`;
  return (
    <figure className="bar-chart">
      <figcaption className={showTitle ? "bar-caption" : "sr-only"}>{title}</figcaption>
      {legend && (
        <p className="bar-legend" aria-hidden="true">
          <span>
            <span className="swatch" /> {legend.value}
          </span>
          <span>
            <span className="swatch behind" /> {legend.behind}
          </span>
        </p>
      )}
      {rows.length === 0 && <p>{t("statistics.none")}</p>}
      {rows.map((r) => (
        <div key={r.key} data-key={r.key} className={r.reference ? "bar-row reference" : "bar-row"}>
          <span className="bar-label">{r.label}</span>
          <span aria-hidden="true" className="bar-track">
            {r.behind != null && <span className="bar behind" style={{ width: width(r.behind) }} />}
            {r.value != null && <span className="bar" style={{ width: width(r.value) }} />}
          </span>
          <span className="bar-text">{r.text}</span>
        </div>
      ))}
    </figure>
  );
}
