import { useState } from "react";
import { Link } from "react-router";
import { type TypedDocumentNode, useMutation, useQuery } from "urql";
import { FormStatus, QueryStatus } from "../../components/FormStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { graphql } from "../../generated/gql.ts";
import type { BoernehusAlertFieldsFragment, MunicipalityAlertFieldsFragment, PoliceAlertFieldsFragment } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { shortRef } from "../RestrictedCases.tsx";
import {
  AcknowledgeBoernehusAlertDocument,
  AcknowledgeMunicipalityAlertDocument,
  AcknowledgePoliceAlertDocument,
  CaseNameDocument,
  MyAlertsDocument,
} from "./operations.ts";

/** What a row shows of an alert, once per sector's alert type (each sector raises its own). */
export const AlertFieldsFragmentDocs = graphql(`
  fragment MunicipalityAlertFields on MunicipalityAlert { id kind caseId dueAt raisedAt }
  fragment PoliceAlertFields on PoliceAlert { id kind caseId dueAt raisedAt }
  fragment BoernehusAlertFields on BoernehusAlert { id kind caseId dueAt raisedAt }
`);

type Source = "MUNICIPALITY" | "POLICE" | "BOERNEHUS";
type AlertRow = (MunicipalityAlertFieldsFragment | PoliceAlertFieldsFragment | BoernehusAlertFieldsFragment) & { source: Source };

/** Where the next step of each alert is taken. */
function stepPath(alert: AlertRow): string | null {
  if (alert.kind === "EMERGENCY_ACCESS_UNJUSTIFIED") return null; // the case is closed to the reader: the alert is the news
  if (alert.kind === "FOLLOW_UP_DUE") return `/cases/${alert.caseId}/follow-up`;
  if (alert.kind === "FINAL_NOTE_OVERDUE") return `/cases/${alert.caseId}/final-note`;
  return `/cases/${alert.caseId}`;
}

/** The child's name where the reader may see the case; otherwise the case's short reference. */
export function CaseName({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [result] = useQuery({ query: CaseNameDocument, variables: { id: caseId } });
  const child = result.data?.boernehusCase?.child;
  if (child) return <>{t("case.title", { name: `${child.firstName} ${child.lastName}` })}</>;
  return <>{t("steps.alerts.caseRef", { ref: shortRef(caseId) })}</>;
}

/**
 * "Advarsler": the steps the signed-in person owns that are due, from every sector's alert
 * service, oldest due first, each with a link to where the step is taken and a button to
 * acknowledge it (the alert then leaves the list, for this person only).
 */
export function AlertsPage() {
  const { t, tp } = useI18n();
  const [result, refetch] = useQuery({ query: MyAlertsDocument, requestPolicy: "cache-and-network" });
  const data = result.data;
  const rows: AlertRow[] = data
    ? [
        ...(data.myMunicipalityAlerts ?? []).map((a) => ({ ...a, source: "MUNICIPALITY" as const })),
        ...(data.myPoliceAlerts ?? []).map((a) => ({ ...a, source: "POLICE" as const })),
        ...(data.myBoernehusAlerts ?? []).map((a) => ({ ...a, source: "BOERNEHUS" as const })),
      ].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
    : [];
  return (
    <>
      <PageTitle>{t("steps.alerts.title")}</PageTitle>
      <p className="lead">{t("steps.alerts.intro")}</p>
      <QueryStatus result={result} alertClass="alert alert-warning" />
      {data &&
        (rows.length === 0 ? (
          <p data-empty="alerts">{t("steps.alerts.empty")}</p>
        ) : (
          <>
            <p>{tp("steps.alerts.count", rows.length)}</p>
            <ul className="items alerts">
              {rows.map((a) => (
                <AlertItem key={`${a.source}-${a.id}`} alert={a} onDone={() => refetch({ requestPolicy: "network-only" })} />
              ))}
            </ul>
          </>
        ))}
    </>
  );
}

const ACKNOWLEDGE: Record<Source, TypedDocumentNode<unknown, { id: string }>> = {
  MUNICIPALITY: AcknowledgeMunicipalityAlertDocument,
  POLICE: AcknowledgePoliceAlertDocument,
  BOERNEHUS: AcknowledgeBoernehusAlertDocument,
};

function AlertItem({ alert, onDone }: { alert: AlertRow; onDone(): void }) {
  const { t, label, date } = useI18n();
  const [acknowledging, acknowledge] = useMutation(ACKNOWLEDGE[alert.source]);
  const [done, setDone] = useState(false);
  const path = stepPath(alert);
  const kind = label("AlertKind", alert.kind);
  return (
    <li data-alert={alert.kind} className="alert-item">
      <p>
        <strong>{kind}</strong> ·{" "}
        {/* Its readers cannot open that case by design, so it is not asked for (a refused look-up in the audit log). */}
        {alert.kind === "EMERGENCY_ACCESS_UNJUSTIFIED" ? (
          t("steps.alerts.caseRef", { ref: shortRef(alert.caseId) })
        ) : (
          <CaseName caseId={alert.caseId} />
        )}
      </p>
      <p className="muted">
        {t("steps.alerts.due", { date: date(alert.dueAt) })} · {t(`steps.alerts.help.${alert.kind}` as Parameters<typeof t>[0])}
      </p>
      <div className="actions">
        {path && <Link to={path}>{t(`steps.alerts.go.${alert.kind}` as Parameters<typeof t>[0])}</Link>}
        <button
          className="button button-secondary"
          type="button"
          disabled={acknowledging.fetching || done}
          aria-label={t("steps.alerts.acknowledgeFor", { kind })}
          onClick={async () => {
            const res = await acknowledge({ id: alert.id });
            if (res.data) {
              setDone(true);
              onDone();
            }
          }}
        >
          {t("steps.alerts.acknowledge")}
        </button>
      </div>
      <FormStatus error={acknowledging.error} />
    </li>
  );
}
