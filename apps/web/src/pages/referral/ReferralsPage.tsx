import { Link, useLocation } from "react-router";
import { useQuery } from "urql";
import { useUser } from "../../auth/session.tsx";
import { ErrorText } from "../../components/FormStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { Table } from "../../components/Table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { MunicipalityReferralsDocument } from "./referralOperations.ts";

/**
 * The municipality's referrals and where each hand-off stands: received by the børnehus,
 * acknowledged, course registered (then the case opens for the referring caseworker).
 */
export function ReferralsPage() {
  const { t, label, date, dateTime } = useI18n();
  const user = useUser();
  const location = useLocation();
  const sent = (location.state as { sent?: boolean } | null)?.sent === true;
  const [result] = useQuery({
    query: MunicipalityReferralsDocument,
    variables: { municipalityCode: user.organisation },
    requestPolicy: "cache-and-network",
  });
  const referrals = result.data?.referralsForMunicipality ?? [];
  return (
    <section aria-labelledby="referrals-title">
      <PageTitle>{t("referral.list.title")}</PageTitle>
      <p>{t("referral.list.intro")}</p>
      {sent && (
        <p role="status" className="success">
          {t("referral.sent")}
        </p>
      )}
      <p>
        <Link className="button button-primary" to="/referrals/new">
          {t("referral.list.new")}
        </Link>
      </p>
      {result.error && (
        <p role="alert" className="error">
          <ErrorText error={result.error} />
        </p>
      )}
      {result.fetching && !result.data && <p>{t("common.loading")}</p>}
      {result.data && referrals.length === 0 && <p>{t("referral.list.empty")}</p>}
      {referrals.length > 0 && (
        <Table
          columns={[
            t("referral.col.child"),
            t("referral.col.referredAt"),
            t("referral.col.region"),
            t("referral.col.status"),
            t("referral.col.actions"),
          ]}
        >
          {referrals.map((r) => (
            <tr key={r.id} data-referral={r.id}>
              <td>
                {r.child.firstName} {r.child.lastName}
              </td>
              <td>{date(r.referredAt)}</td>
              <td>{label("Region", r.boernehusRegion)}</td>
              <td data-handover-status={r.handoverStatus}>
                <strong>{label("ReferralHandoverStatus", r.handoverStatus)}</strong>
                {r.acknowledgedAt && r.acknowledgedByName && (
                  <div className="muted">
                    {t("referral.acknowledgedBy", { name: r.acknowledgedByName, date: dateTime(r.acknowledgedAt) })}
                  </div>
                )}
                {r.courseRegisteredAt && (
                  <div className="muted">{t("referral.registeredAt", { date: dateTime(r.courseRegisteredAt) })}</div>
                )}
              </td>
              <td>
                <ul className="nobullet-list">
                  {r.handoverStatus === "COURSE_REGISTERED" && (
                    <li>
                      <Link to={`/cases/${r.caseId}`}>
                        {t("referral.openCase")}
                        <span className="sr-only">
                          {" "}
                          {r.child.firstName} {r.child.lastName}
                        </span>
                      </Link>
                    </li>
                  )}
                  <li>
                    <Link to={`/children/${r.child.id}/custody`}>
                      {t("referral.custody")}
                      <span className="sr-only">
                        {" "}
                        {r.child.firstName} {r.child.lastName}
                      </span>
                    </Link>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
