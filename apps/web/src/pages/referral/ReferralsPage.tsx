import { Link, useLocation } from "react-router";
import { useQuery } from "urql";
import { useUser } from "../../auth/session.tsx";
import { QueryStatus } from "../../components/FormStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { Table } from "../../components/Table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { MunicipalityReferralsDocument } from "./referralOperations.ts";

/** A row's link: the words say what it does, and a screen reader also hears which child. */
function ChildLink({ to, text, child }: { to: string; text: string; child: { firstName: string; lastName: string } }) {
  return (
    <Link to={to}>
      {text}
      <span className="sr-only">
        {" "}
        {child.firstName} {child.lastName}
      </span>
    </Link>
  );
}

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
      <QueryStatus result={result} alertClass="error" />
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
                      <ChildLink to={`/cases/${r.caseId}`} text={t("referral.openCase")} child={r.child} />
                    </li>
                  )}
                  <li>
                    <ChildLink to={`/children/${r.child.id}/custody`} text={t("referral.custody")} child={r.child} />
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
