import { useMemo, useState } from "react";
import { useQuery } from "urql";
import { ErrorText } from "../components/FormStatus.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { CoursesPer1000Chart, OutcomeCharts, WaitingTimeCharts } from "../components/statistics.tsx";
import { StatisticsAsOf, useStatisticsYear, YearSelect } from "../components/statisticsYear.tsx";
import { spreadsheetCsv } from "../domain/csv.ts";
import { graphql } from "../generated/gql.ts";
import type { StatisticsLevel } from "../generated/graphql.ts";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * Statistics for leaders and the national analyst (docs/indicators.md): follow-through,
 * waiting times and the variation between units, from the statistics service's suppressed
 * aggregates. Every chart writes its figures beside the bars, and every table downloads as CSV.
 * The charts are the leader dashboard's (components/statistics.tsx).
 */
export const StatisticsTableDocument = graphql(`
  query StatisticsPageTable($year: Int!, $level: StatisticsLevel!) {
    statisticsTable(year: $year, level: $level, breakdown: NONE) {
      asOf
      csv
      rows {
        ...StatisticsFigures
      }
    }
    national: statisticsTable(year: $year, level: NATIONAL, breakdown: NONE) {
      rows {
        ...StatisticsFigures
      }
    }
  }
`);

function CsvLink({ csv, name, label }: { csv: string; name: string; label: string }) {
  const { language } = useI18n();
  // Danish Excel: BOM, ";" and decimal commas, headers in words (domain/csv.ts).
  const href = useMemo(
    () => URL.createObjectURL(new Blob([spreadsheetCsv(csv, language)], { type: "text/csv;charset=utf-8" })),
    [csv, language],
  );
  return (
    <a className="button button-secondary" href={href} download={name}>
      {label}
    </a>
  );
}

export function StatisticsPage() {
  const { t } = useI18n();
  // The last full year by default (the current one is still running).
  const { status, years, year, setYear } = useStatisticsYear((years) => years.at(-2) ?? years.at(-1) ?? new Date().getFullYear() - 1);
  const [level, setLevel] = useState<StatisticsLevel>("MUNICIPALITY");
  const [table] = useQuery({ query: StatisticsTableDocument, variables: { year: year, level }, pause: years.length === 0 });
  const rows = table.data?.statisticsTable.rows ?? [];
  const national = table.data?.national.rows ?? [];
  const byRate = [...rows].sort((a, b) => (b.coursesPer1000Children ?? -1) - (a.coursesPer1000Children ?? -1));
  return (
    <div className="statistics-page">
      <PageTitle>{t("statistics.title")}</PageTitle>
      <p>{t("statistics.intro")}</p>
      {status.data && <StatisticsAsOf asOf={status.data.statisticsStatus.asOf} />}
      <div className="filters">
        <YearSelect years={years} value={year} onChange={setYear} />
        <label>
          {t("statistics.level")}{" "}
          <select className="form-select" value={level} onChange={(e) => setLevel(e.target.value as StatisticsLevel)}>
            <option value="BOERNEHUS">{t("statistics.levelBoernehus")}</option>
            <option value="MUNICIPALITY">{t("statistics.levelMunicipality")}</option>
          </select>
        </label>
        {table.data && (
          <CsvLink csv={table.data.statisticsTable.csv} name={`samraad-statistik-${year}-${level}.csv`} label={t("statistics.csv")} />
        )}
      </div>
      {table.error && (
        <p role="alert">
          <ErrorText error={table.error} />
        </p>
      )}
      {rows.length === 0 && !table.fetching && <p>{t("statistics.none")}</p>}
      {national.length > 0 && <WaitingTimeCharts rows={national} />}
      {rows.length > 0 && <OutcomeCharts rows={[...national, ...rows]} />}
      {rows.length > 0 && <CoursesPer1000Chart rows={[...national, ...byRate]} />}
    </div>
  );
}
