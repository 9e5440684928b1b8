import type { ReactNode } from "react";
import { graphql } from "../generated/gql.ts";
import type { StatisticsFiguresFragment, StatisticsIndicator, StatisticsShare } from "../generated/graphql.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { type BarRow, Bars } from "./Bars.tsx";

/**
 * What the leader dashboard and the statistics page share: the figures of a row (the one
 * fragment both pages select their rows with), how a suppressed value reads, and one chart per indicator
 * (docs/indicators.md). The pages only choose which rows to show; the rows are what the
 * server returned for the caller (a leader's own organisation and the country).
 */

/** Every figure of a row that a page shows. No list arguments: a row costs the same for every caller. */
export const StatisticsFiguresFragmentDoc = graphql(`
  fragment StatisticsFigures on StatisticsRow {
    level
    unitCode
    unitName
    suppressed
    suppressedShares
    coursesStarted
    coursesPer1000Children
    coursesClosed
    caseworkerContinuityShare
    samraadCourses
    daysToSamraadMedian
    daysToSamraadP90
    videoInterviewCourses
    daysToVideoInterviewMedian
    daysToVideoInterviewP90
    finalNoteCourses
    daysToFinalNoteMedian
    daysToFinalNoteP90
    followThroughCourses
    measureWithin6MonthsShare
    anySupportWithin6MonthsShare
    declinedCourses
    declinedForMotivationShare
    measuresStarted
    measureLadderStepMedian
    placementShare
    openCoursesAtPeriodEnd
    caseworkers
    meanCaseload
    caseworkersAboveGuidelineShare
  }
`);

export type StatisticsFigures = StatisticsFiguresFragment;

/**
 * A value the statistics service withheld (fewer than 5 children, for caseload also 5 caseworkers,
 * or it would give such a cell away): never shown as 0 or blank.
 */
export function Suppressed({ caseload = false }: { caseload?: boolean }) {
  const { t } = useI18n();
  return <span className="suppressed">{t(caseload ? "statistics.suppressedCaseload" : "statistics.suppressed")}</span>;
}

export const rowKey = (row: Pick<StatisticsFigures, "level" | "unitCode">) => `${row.level}:${row.unitCode}`;

/** Formatting shared by the charts: the text of a figure, or why there is none. */
function useFigures() {
  const { t, number } = useI18n();
  const percent = (v: number) => t("statistics.percent", { value: number(v * 100, 0) });
  const days = (v: number) => number(v, 1);
  const count = (v: number) => number(v);
  const or = (v: number | null, format: (v: number) => string) => (v === null ? t("statistics.notDefined") : format(v));
  /** The row's text for one indicator: "hidden" when the server suppressed it, else the figures. */
  const shown = (row: StatisticsFigures, indicator: StatisticsIndicator, text: () => string): ReactNode =>
    row.suppressed.includes(indicator) ? <Suppressed caseload={indicator === "CASELOAD"} /> : text();
  /** A share: "hidden" where the server withheld it on its own (its base published, its numerator under 5). */
  const share = (row: StatisticsFigures, name: StatisticsShare, v: number | null) =>
    row.suppressedShares.includes(name) ? t("statistics.hidden") : or(v, percent);
  const bar = (row: StatisticsFigures, value: number | null, behind: number | null, text: ReactNode): BarRow => ({
    key: rowKey(row),
    label: row.level === "NATIONAL" ? t("statistics.country") : row.unitName,
    value,
    behind,
    text,
    reference: row.level === "NATIONAL",
  });
  return { t, number, percent, days, count, or, shown, share, bar };
}

type Rows = { rows: readonly StatisticsFigures[] };

function Section({ id, title, note, children }: { id: string; title: string; note?: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note && <p className="muted">{note}</p>}
      {children}
    </section>
  );
}

/**
 * Units whose figures are suppressed (fewer than 5 children) for an indicator: one line that
 * says how many and why, with their names, instead of a bar row each that only says "hidden".
 */
function partition(rows: readonly StatisticsFigures[], indicator: StatisticsIndicator) {
  const hidden = rows.filter((r) => r.level !== "NATIONAL" && r.suppressed.includes(indicator));
  return { shownRows: rows.filter((r) => !hidden.includes(r)), hidden };
}

function HiddenUnits({ hidden }: { hidden: readonly StatisticsFigures[] }) {
  const { tp } = useI18n();
  if (hidden.length === 0) return null;
  return (
    <details className="hidden-units" data-hidden-units={hidden.length}>
      <summary>{tp("statistics.hiddenUnits", hidden.length)}</summary>
      <p className="muted">{hidden.map((r) => r.unitName).join(", ")}</p>
    </details>
  );
}

type Figures = ReturnType<typeof useFigures>;

/**
 * One indicator's chart: a bar per unit (the country as the reference), its figures in words
 * beside it ("hidden" where the server suppressed them), and the suppressed units in one line below.
 */
function IndicatorChart(props: {
  rows: readonly StatisticsFigures[];
  indicator: StatisticsIndicator;
  id: string;
  title: string;
  note?: string;
  max?: number;
  legend?: { value: string; behind: string };
  value(row: StatisticsFigures): number | null;
  behind?(row: StatisticsFigures): number | null;
  text(row: StatisticsFigures, figures: Figures): string;
}) {
  const figures = useFigures();
  const { shownRows, hidden } = partition(props.rows, props.indicator);
  return (
    <Section id={props.id} title={props.title} note={props.note}>
      <Bars
        title={props.title}
        max={props.max}
        legend={props.legend}
        rows={shownRows.map((r) =>
          figures.bar(
            r,
            props.value(r),
            props.behind?.(r) ?? null,
            figures.shown(r, props.indicator, () => props.text(r, figures)),
          ),
        )}
      />
      <HiddenUnits hidden={hidden} />
    </Section>
  );
}

/** Follow-through within six months of the final note: a measure (dark), a measure or other support (light). */
export function FollowThroughChart({ rows }: Rows) {
  const { t } = useI18n();
  return (
    <IndicatorChart
      rows={rows}
      indicator="FOLLOW_THROUGH"
      id="follow-through"
      title={t("statistics.followThrough")}
      note={t("statistics.followThroughNote")}
      max={1}
      legend={{ value: t("statistics.measure"), behind: t("statistics.anySupport") }}
      value={(r) => r.measureWithin6MonthsShare}
      behind={(r) => r.anySupportWithin6MonthsShare}
      text={(r, { count, or, share }) =>
        t("statistics.followThroughFigures", {
          measure: share(r, "MEASURE_WITHIN_6_MONTHS_SHARE", r.measureWithin6MonthsShare),
          anySupport: share(r, "ANY_SUPPORT_WITHIN_6_MONTHS_SHARE", r.anySupportWithin6MonthsShare),
          courses: or(r.followThroughCourses, count),
        })
      }
    />
  );
}

/** What came of the final notes' recommendations: follow-through, support declined, and the measures started. */
export function OutcomeCharts({ rows }: Rows) {
  return (
    <>
      <FollowThroughChart rows={rows} />
      <DeclinedForMotivationChart rows={rows} />
      <MeasureLadderChart rows={rows} />
    </>
  );
}

/** Of the courses where recommended support was declined: the share declined for the family's motivation (issue 23). */
export function DeclinedForMotivationChart({ rows }: Rows) {
  const { t } = useI18n();
  return (
    <IndicatorChart
      rows={rows}
      indicator="DECLINED_SUPPORT"
      id="declined"
      title={t("statistics.declined")}
      note={t("statistics.declinedNote")}
      max={1}
      value={(r) => r.declinedForMotivationShare}
      text={(r, { count, or, share }) =>
        t("statistics.declinedFigures", {
          share: share(r, "DECLINED_FOR_MOTIVATION_SHARE", r.declinedForMotivationShare),
          courses: or(r.declinedCourses, count),
        })
      }
    />
  );
}

/** The measures given in answer: the median step on the intervention ladder (1-7), and the share placed outside the home. */
export function MeasureLadderChart({ rows }: Rows) {
  const { t } = useI18n();
  return (
    <IndicatorChart
      rows={rows}
      indicator="MEASURES_STARTED"
      id="ladder"
      title={t("statistics.ladder")}
      note={t("statistics.ladderNote")}
      max={7}
      value={(r) => r.measureLadderStepMedian}
      text={(r, { count, number, or, share }) =>
        t("statistics.ladderFigures", {
          step: or(r.measureLadderStepMedian, (v) => number(v, 1)),
          placed: share(r, "PLACEMENT_SHARE", r.placementShare),
          courses: or(r.measuresStarted, count),
        })
      }
    />
  );
}

const WAITS = [
  ["statistics.toSamraad", "DAYS_TO_SAMRAAD", "samraadCourses", "daysToSamraadMedian", "daysToSamraadP90"],
  ["statistics.toInterview", "DAYS_TO_VIDEO_INTERVIEW", "videoInterviewCourses", "daysToVideoInterviewMedian", "daysToVideoInterviewP90"],
  ["statistics.toNote", "DAYS_TO_FINAL_NOTE", "finalNoteCourses", "daysToFinalNoteMedian", "daysToFinalNoteP90"],
] as const;

/** Days from referral to the samråd, the video interview and the final note: median (dark) and 90th percentile (light). */
export function WaitingTimeCharts({ rows }: Rows) {
  const { t, days, count, or, shown, bar } = useFigures();
  return (
    <Section id="waiting" title={t("statistics.waiting")} note={t("statistics.waitingNote")}>
      {WAITS.map(([title, indicator, courses, median, p90]) => (
        <Bars
          key={indicator}
          title={t(title)}
          showTitle
          legend={{ value: t("statistics.median"), behind: t("statistics.p90") }}
          rows={rows.map((r) =>
            bar(
              r,
              r[median],
              r[p90],
              shown(r, indicator, () =>
                t("statistics.waitingFigures", { median: or(r[median], days), p90: or(r[p90], days), courses: or(r[courses], count) }),
              ),
            ),
          )}
        />
      ))}
    </Section>
  );
}

/** Courses started per 1,000 children living in the unit. */
export function CoursesPer1000Chart({ rows }: Rows) {
  const { t } = useI18n();
  return (
    <IndicatorChart
      rows={rows}
      indicator="COURSES_STARTED"
      id="variation"
      title={t("statistics.variation")}
      value={(r) => r.coursesPer1000Children}
      text={(r, { count, number, or }) =>
        t("statistics.rateFigures", {
          rate: or(r.coursesPer1000Children, (v) => number(v, 2)),
          courses: or(r.coursesStarted, count),
        })
      }
    />
  );
}

/** Of the courses closed in the year: the share with one caseworker throughout. */
export function ContinuityChart({ rows }: Rows) {
  const { t } = useI18n();
  return (
    <IndicatorChart
      rows={rows}
      indicator="COURSES_CLOSED"
      id="continuity"
      title={t("statistics.continuity")}
      max={1}
      value={(r) => r.caseworkerContinuityShare}
      text={(r, { count, or, share }) =>
        t("statistics.continuityFigures", {
          share: share(r, "CASEWORKER_CONTINUITY_SHARE", r.caseworkerContinuityShare),
          courses: or(r.coursesClosed, count),
        })
      }
    />
  );
}

/** Open courses per caseworker at the period end, and the share of caseworkers above the guideline's 25. */
export function CaseloadChart({ rows, periodEnd }: Rows & { periodEnd: string | null | undefined }) {
  const { t, date, tp } = useI18n();
  return (
    <IndicatorChart
      rows={rows}
      indicator="CASELOAD"
      id="caseload"
      title={t("statistics.caseload")}
      note={t("statistics.caseloadNote", { date: date(periodEnd) })}
      value={(r) => r.meanCaseload}
      text={(r, { number, or, share }) =>
        t("statistics.caseloadFigures", {
          caseload: or(r.meanCaseload, (v) => number(v, 1)),
          above: share(r, "CASEWORKERS_ABOVE_GUIDELINE_SHARE", r.caseworkersAboveGuidelineShare),
          caseworkers: r.caseworkers === null ? t("statistics.notDefined") : tp("statistics.caseworkers", r.caseworkers),
        })
      }
    />
  );
}
