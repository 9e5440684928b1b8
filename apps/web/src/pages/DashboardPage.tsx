import { useMemo } from "react";
import { useQuery } from "urql";
import { useUser } from "../auth/session.tsx";
import { isLeader } from "../components/Layout.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { computeDashboard, type DashboardCase, type Share } from "../domain/dashboard.ts";
import { graphql } from "../generated/gql.ts";
import type { DashboardCasesQuery } from "../generated/graphql.ts";
import { useI18n } from "../i18n/i18n.tsx";

export const DashboardCasesDocument = graphql(`
  query DashboardCases {
    boernehusCases(first: 500) {
      id
      status
      referralReceivedAt
      samraadMeetings {
        id
        scheduledAt
        heldAt
        status
      }
      policeReport {
        id
        videoInterviews {
          id
          heldAt
        }
      }
      finalNote {
        id
        sentAt
        recommendations {
          id
          response {
            id
            response
            measure {
              id
              startedAt
            }
          }
        }
      }
      caseworkerHistory {
        id
        caseworkerSub
        caseworkerName
        to
      }
    }
  }
`);

function toDashboardCase(c: DashboardCasesQuery["boernehusCases"][number]): DashboardCase {
  return {
    status: c.status,
    referralReceivedAt: c.referralReceivedAt,
    samraadMeetings: c.samraadMeetings,
    interviewsHeldAt: (c.policeReport?.videoInterviews ?? []).flatMap((i) => (i.heldAt ? [i.heldAt] : [])),
    finalNote: c.finalNote && {
      sentAt: c.finalNote.sentAt,
      recommendations: c.finalNote.recommendations.map((r) => ({
        response: r.response && { response: r.response.response, measureStartedAt: r.response.measure?.startedAt ?? null },
      })),
    },
    caseworkerHistory: c.caseworkerHistory ?? null,
  };
}

/** A horizontal bar chart with its figures as text: the chart is for the eye, the table for everyone. */
function Bars({ title, rows }: { title: string; rows: Array<{ label: string; value: number; text: string }> }) {
  const { t } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="bar-chart">
      <figcaption className="visually-hidden">{title}</figcaption>
      {rows.length === 0 && <p>{t("dashboard.noData")}</p>}
      {rows.map((r) => (
        <div key={r.label} className="bar-row">
          <span>{r.label}</span>
          <span aria-hidden="true" className="bar" style={{ width: `${(r.value / max) * 100}%` }} />
          <span>{r.text}</span>
        </div>
      ))}
    </figure>
  );
}

export function DashboardPage() {
  const { t, label, number } = useI18n();
  const user = useUser();
  const [result] = useQuery({ query: DashboardCasesDocument, pause: !isLeader(user.roles) });
  const dashboard = useMemo(() => (result.data ? computeDashboard(result.data.boernehusCases.map(toDashboardCase)) : null), [result.data]);
  if (!isLeader(user.roles)) {
    return (
      <>
        <PageTitle>{t("dashboard.title")}</PageTitle>
        <p>{t("dashboard.notLeader")}</p>
      </>
    );
  }
  const share = (s: Share) =>
    t("dashboard.share", { share: s.total ? number((100 * s.count) / s.total) : "–", count: s.count, total: s.total });
  const days = (d: number | null) => (d === null ? t("dashboard.noData") : t("dashboard.days", { days: number(d, 1) }));
  return (
    <>
      <PageTitle>{t("dashboard.title")}</PageTitle>
      <p className="lead">{t("dashboard.intro", { organisation: user.organisation })}</p>
      {result.fetching && !dashboard && <p role="status">{t("common.loading")}</p>}
      {dashboard && (
        <div className="columns">
          <section className="card" aria-labelledby="follow-title">
            <h2 id="follow-title">{t("dashboard.followThrough")}</h2>
            <p className="big">{share(dashboard.followThrough)}</p>
            <p className="muted">
              {label("ResponseKind", "OTHER_SUPPORT")}: {share(dashboard.followThroughWithOtherSupport)}
            </p>
          </section>
          <section className="card" aria-labelledby="continuity-title">
            <h2 id="continuity-title">{t("dashboard.continuity")}</h2>
            <p className="big">{share(dashboard.continuity)}</p>
          </section>
          <section className="card" aria-labelledby="waiting-title">
            <h2 id="waiting-title">{t("dashboard.waiting")}</h2>
            <Bars
              title={t("dashboard.waiting")}
              rows={(
                [
                  ["dashboard.waitSamraad", dashboard.waitingDays.firstSamraad],
                  ["dashboard.waitInterview", dashboard.waitingDays.videoInterview],
                  ["dashboard.waitFinalNote", dashboard.waitingDays.finalNote],
                ] as const
              ).map(([key, value]) => ({ label: t(key), value: value ?? 0, text: days(value) }))}
            />
          </section>
          <section className="card" aria-labelledby="status-title">
            <h2 id="status-title">{t("dashboard.byStatus")}</h2>
            <Bars
              title={t("dashboard.byStatus")}
              rows={Object.entries(dashboard.byStatus).map(([status, count]) => ({
                label: label("CourseStatus", status),
                value: count,
                text: number(count),
              }))}
            />
          </section>
          <section className="card" aria-labelledby="caseload-title">
            <h2 id="caseload-title">{t("dashboard.caseload")}</h2>
            <Bars
              title={t("dashboard.caseload")}
              rows={dashboard.caseload.map((c) => ({ label: c.name, value: c.cases, text: number(c.cases) }))}
            />
          </section>
        </div>
      )}
    </>
  );
}
