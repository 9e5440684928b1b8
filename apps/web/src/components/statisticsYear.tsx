import { useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../generated/gql.ts";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * The year a statistics page shows (the leader dashboard, the statistics page): the years the
 * statistics service has courses for, the day its figures describe, and the year select.
 */

export const StatisticsStatusDocument = graphql(`
  query StatisticsStatus {
    statisticsStatus {
      asOf
      years
    }
  }
`);

/** The statistics service's status and the year shown: the one chosen, else `fallback` of the years with courses. */
export function useStatisticsYear<Y extends number | null>(fallback: (years: readonly number[]) => Y) {
  const [status] = useQuery({ query: StatisticsStatusDocument });
  const years = status.data?.statisticsStatus.years ?? [];
  const [chosen, setYear] = useState<number | null>(null);
  return { status, years, year: chosen ?? fallback(years), setYear };
}

/** The day the figures describe, or that there are none yet (before the first extraction). */
export function StatisticsAsOf({ asOf }: { asOf: string | null | undefined }) {
  const { t, date } = useI18n();
  if (!asOf) return <p className="alert alert-info">{t("statistics.notExtracted")}</p>;
  return <p className="muted">{t("statistics.asOf", { date: date(asOf) })}</p>;
}

export function YearSelect({ years, value, onChange }: { years: readonly number[]; value: number; onChange(year: number): void }) {
  const { t } = useI18n();
  return (
    <label>
      {t("statistics.year")}{" "}
      <select className="form-select" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
