import { useQuery } from "urql";
import { useUser } from "../auth/session.tsx";
import { ErrorText } from "../components/FormStatus.tsx";
import { isLeader } from "../components/Layout.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { CaseloadChart, ContinuityChart, CoursesPer1000Chart, OutcomeCharts, WaitingTimeCharts } from "../components/statistics.tsx";
import { StatisticsAsOf, useStatisticsYear, YearSelect } from "../components/statisticsYear.tsx";
import { graphql } from "../generated/gql.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { CaseloadTable } from "./continuity/CaseloadTable.tsx";
import { EmergencyReviewQueue } from "./steps/EmergencyReview.tsx";
import { SurveyQuestions } from "./survey/SurveyQuestions.tsx";
import { SurveyResults } from "./survey/SurveyResults.tsx";

/**
 * The leader's figures from the statistics service (docs/indicators.md), for one year at every
 * level at once: the server returns the national row and the rows of the leader's own
 * organisation (a municipality; a børnehus or health region with its municipalities; a police
 * district's municipalities) and nothing else, so the page shows whatever comes back.
 * Three aliases, no list arguments: a small, fixed cost at the gateway.
 */
export const DashboardStatisticsDocument = graphql(`
  query DashboardStatistics($year: Int!) {
    national: statisticsTable(year: $year, level: NATIONAL, breakdown: NONE) {
      asOf
      periodEnd
      rows {
        ...StatisticsFigures
      }
    }
    boernehuse: statisticsTable(year: $year, level: BOERNEHUS, breakdown: NONE) {
      rows {
        ...StatisticsFigures
      }
    }
    municipalities: statisticsTable(year: $year, level: MUNICIPALITY, breakdown: NONE) {
      rows {
        ...StatisticsFigures
      }
    }
  }
`);

export function DashboardPage() {
  const { t } = useI18n();
  const user = useUser();
  if (!isLeader(user.roles)) {
    return (
      <>
        <PageTitle>{t("dashboard.title")}</PageTitle>
        <p>{t("dashboard.notLeader")}</p>
      </>
    );
  }
  return <LeaderDashboard />;
}

function LeaderDashboard() {
  const { t } = useI18n();
  const user = useUser();
  const { status, years, year, setYear } = useStatisticsYear((years) => years.at(-1) ?? null);
  const [table] = useQuery({ query: DashboardStatisticsDocument, variables: { year: year ?? 0 }, pause: year === null });
  const data = table.data;
  const rows = data ? [...data.national.rows, ...data.boernehuse.rows, ...data.municipalities.rows] : [];
  const own = rows.filter((r) => r.level !== "NATIONAL");
  const error = status.error ?? table.error;
  return (
    <div className="dashboard-page">
      <PageTitle>{t("dashboard.title")}</PageTitle>
      <p className="lead">{t("dashboard.intro")}</p>
      <EmergencyReviewQueue />
      {user.sector === "MUNICIPALITY" && <CaseloadTable />}
      {status.data && <StatisticsAsOf asOf={status.data.statisticsStatus.asOf} />}
      {year !== null && (
        <div className="filters">
          <YearSelect years={years} value={year} onChange={setYear} />
        </div>
      )}
      {error && (
        <p role="alert">
          <ErrorText error={error} />
        </p>
      )}
      {(status.fetching || table.fetching) && !data && <p role="status">{t("common.loading")}</p>}
      {status.data && year === null && status.data.statisticsStatus.asOf && <p>{t("statistics.none")}</p>}
      {data && own.length === 0 && <p>{t("dashboard.noOwnRows")}</p>}
      {data && rows.length > 0 && (
        <>
          <OutcomeCharts rows={rows} />
          <WaitingTimeCharts rows={rows} />
          <CaseloadChart rows={rows} periodEnd={data.national.periodEnd} />
          <ContinuityChart rows={rows} />
          <CoursesPer1000Chart rows={rows} />
        </>
      )}
      {/* The børnehus's own outcome surveys, for the year chosen (this year before any statistics). */}
      {user.sector === "BOERNEHUS" && <SurveyResults year={year ?? new Date().getFullYear()} />}
      {user.sector === "BOERNEHUS" && <SurveyQuestions />}
    </div>
  );
}
