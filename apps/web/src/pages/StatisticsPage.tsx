import { useMemo, useState } from "react";
import { useQuery } from "urql";
import { PageTitle } from "../components/PageTitle.tsx";
import { graphql } from "../generated/gql.ts";
import type { StatisticsLevel, StatisticsPageTableQuery } from "../generated/graphql.ts";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * Statistics for leaders and the national analyst (docs/indicators.md): follow-through,
 * waiting times and the variation between municipalities, from the statistics service's
 * suppressed aggregates. Every chart has its table beside it, and every table downloads as CSV.
 * Strings live here (da/en) so the page is one new file.
 */
const TEXT = {
  da: {
    title: "Statistik",
    intro: "Pseudonymiserede tal for børnehusforløbene. Celler med færre end 5 børn vises ikke.",
    year: "År",
    level: "Niveau",
    BOERNEHUS: "Børnehuse",
    MUNICIPALITY: "Kommuner",
    followThrough: "Opfølgning på anbefalet støtte",
    followThroughNote:
      "Andel af forløb med anbefalet støtte, hvor en foranstaltning (mørk) eller anden støtte (lys) fulgte inden for 6 måneder.",
    waiting: "Ventetider fra henvisning (dage, median og 90 %-fraktil)",
    toSamraad: "Til samråd",
    toInterview: "Til videoafhøring",
    toNote: "Til afsluttende notat",
    variation: "Forløb pr. 1.000 børn",
    suppressed: "skjult (færre end 5 børn)",
    csv: "Hent som CSV",
    asOf: "Opgjort pr.",
    none: "Ingen tal endnu.",
    unit: "Enhed",
    measure: "Foranstaltning",
    anySupport: "Foranstaltning eller anden støtte",
    median: "Median",
    p90: "90 %",
    per1000: "Pr. 1.000 børn",
  },
  en: {
    title: "Statistics",
    intro: "Pseudonymised figures for the børnehus courses. Cells with fewer than 5 children are not shown.",
    year: "Year",
    level: "Level",
    BOERNEHUS: "Børnehuse",
    MUNICIPALITY: "Municipalities",
    followThrough: "Follow-through on recommended support",
    followThroughNote:
      "Share of courses with recommended support where a measure (dark) or other support (light) followed within 6 months.",
    waiting: "Waiting times from referral (days, median and 90th percentile)",
    toSamraad: "To samråd",
    toInterview: "To video interview",
    toNote: "To final note",
    variation: "Courses per 1,000 children",
    suppressed: "hidden (fewer than 5 children)",
    csv: "Download CSV",
    asOf: "As of",
    none: "No figures yet.",
    unit: "Unit",
    measure: "Measure",
    anySupport: "Measure or other support",
    median: "Median",
    p90: "90th pct.",
    per1000: "Per 1,000 children",
  },
} as const;

export const StatisticsStatusDocument = graphql(`
  query StatisticsPageStatus {
    statisticsStatus {
      asOf
      years
    }
  }
`);

export const StatisticsTableDocument = graphql(`
  query StatisticsPageTable($year: Int!, $level: StatisticsLevel!) {
    statisticsTable(year: $year, level: $level, breakdown: NONE) {
      asOf
      csv
      rows {
        unitCode
        unitName
        coursesPer1000Children
        followThroughCourses
        measureWithin6MonthsShare
        anySupportWithin6MonthsShare
        daysToSamraadMedian
        daysToSamraadP90
        daysToVideoInterviewMedian
        daysToVideoInterviewP90
        daysToFinalNoteMedian
        daysToFinalNoteP90
        suppressed
      }
    }
    national: statisticsTable(year: $year, level: NATIONAL, breakdown: NONE) {
      csv
      rows {
        unitCode
        unitName
        daysToSamraadMedian
        daysToSamraadP90
        daysToVideoInterviewMedian
        daysToVideoInterviewP90
        daysToFinalNoteMedian
        daysToFinalNoteP90
      }
    }
  }
`);

type Row = StatisticsPageTableQuery["statisticsTable"]["rows"][number];

function CsvLink({ csv, name, label }: { csv: string; name: string; label: string }) {
  const href = useMemo(() => URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" })), [csv]);
  return (
    <a className="button" href={href} download={name}>
      {label}
    </a>
  );
}

/** Horizontal bars, one per row; null values are labelled as suppressed, never drawn as zero. */
function Bars({
  rows,
  value,
  second,
  max,
  format,
  label,
  hidden,
}: {
  rows: Row[];
  value(r: Row): number | null;
  second?(r: Row): number | null;
  max: number;
  format(v: number): string;
  label: string;
  hidden: string;
}) {
  const height = 22;
  const width = 640;
  const labelWidth = 200;
  const scale = (v: number) => ((width - labelWidth - 80) * v) / (max || 1);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${rows.length * height + 4}`} className="stat-chart">
      {rows.map((r, i) => {
        const v = value(r);
        const w = second?.(r) ?? null;
        const y = i * height + 2;
        return (
          <g key={r.unitCode}>
            <text x={0} y={y + 15} fontSize="12">
              {r.unitName}
            </text>
            {w !== null && <rect x={labelWidth} y={y + 3} width={scale(w)} height={height - 6} fill="#9ecae1" />}
            {v !== null && <rect x={labelWidth} y={y + 3} width={scale(v)} height={height - 6} fill="#2171b5" />}
            <text x={labelWidth + (v === null ? 0 : scale(Math.max(v, w ?? 0))) + 6} y={y + 15} fontSize="12">
              {v === null ? hidden : format(w !== null ? w : v)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function StatisticsPage() {
  const { language, number, date } = useI18n();
  const text = TEXT[language === "en" ? "en" : "da"];
  const [status] = useQuery({ query: StatisticsStatusDocument });
  const years = status.data?.statisticsStatus.years ?? [];
  const [year, setYear] = useState<number | null>(null);
  const [level, setLevel] = useState<StatisticsLevel>("MUNICIPALITY");
  const shownYear = year ?? years.at(-2) ?? years.at(-1) ?? new Date().getFullYear() - 1;
  const [table] = useQuery({ query: StatisticsTableDocument, variables: { year: shownYear, level }, pause: years.length === 0 });
  const rows = table.data?.statisticsTable.rows ?? [];
  const national = table.data?.national.rows[0];
  const percent = (v: number) => `${number(v * 100, 0)} %`;
  const byRate = [...rows].sort((a, b) => (b.coursesPer1000Children ?? -1) - (a.coursesPer1000Children ?? -1));
  const maxRate = Math.max(0, ...rows.map((r) => r.coursesPer1000Children ?? 0));
  return (
    <div className="statistics-page">
      <PageTitle>{text.title}</PageTitle>
      <p>{text.intro}</p>
      {status.data?.statisticsStatus.asOf && (
        <p className="muted">
          {text.asOf} {date(status.data.statisticsStatus.asOf)}
        </p>
      )}
      <div className="filters">
        <label>
          {text.year}{" "}
          <select value={shownYear} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {text.level}{" "}
          <select value={level} onChange={(e) => setLevel(e.target.value as StatisticsLevel)}>
            <option value="BOERNEHUS">{text.BOERNEHUS}</option>
            <option value="MUNICIPALITY">{text.MUNICIPALITY}</option>
          </select>
        </label>
        {table.data && (
          <CsvLink csv={table.data.statisticsTable.csv} name={`samraad-statistik-${shownYear}-${level}.csv`} label={text.csv} />
        )}
      </div>
      {table.error && <p role="alert">{table.error.message}</p>}
      {rows.length === 0 && !table.fetching && <p>{text.none}</p>}

      {national && (
        <section aria-labelledby="waiting">
          <h2 id="waiting">{text.waiting}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{text.unit}</th>
                <th scope="col">{text.median}</th>
                <th scope="col">{text.p90}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  [text.toSamraad, national.daysToSamraadMedian, national.daysToSamraadP90],
                  [text.toInterview, national.daysToVideoInterviewMedian, national.daysToVideoInterviewP90],
                  [text.toNote, national.daysToFinalNoteMedian, national.daysToFinalNoteP90],
                ] as const
              ).map(([name, median, p90]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{median === null ? text.suppressed : number(median, 0)}</td>
                  <td>{p90 === null ? text.suppressed : number(p90, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {rows.length > 0 && (
        <section aria-labelledby="follow">
          <h2 id="follow">{text.followThrough}</h2>
          <p className="muted">{text.followThroughNote}</p>
          <Bars
            rows={rows}
            value={(r) => r.measureWithin6MonthsShare}
            second={(r) => r.anySupportWithin6MonthsShare}
            max={1}
            format={percent}
            label={text.followThrough}
            hidden={text.suppressed}
          />
        </section>
      )}

      {rows.length > 0 && (
        <section aria-labelledby="variation">
          <h2 id="variation">{text.variation}</h2>
          <Bars
            rows={byRate}
            value={(r) => r.coursesPer1000Children}
            max={maxRate}
            format={(v) => number(v, 2)}
            label={text.variation}
            hidden={text.suppressed}
          />
        </section>
      )}
    </div>
  );
}
