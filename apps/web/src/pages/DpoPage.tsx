import { useState } from "react";
import { useQuery } from "urql";
import { SubmitButton, TextField, ValidatedForm } from "../components/Form.tsx";
import { FormStatus } from "../components/FormStatus.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { Table } from "../components/Table.tsx";
import { graphql } from "../generated/gql.ts";
import type {
  BoernehusAccessLogFieldsFragment,
  HealthAccessLogFieldsFragment,
  MunicipalityAccessLogFieldsFragment,
  PoliceAccessLogFieldsFragment,
} from "../generated/graphql.ts";
import { PURPOSE } from "../graphql/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { AccessReportForCprDocument } from "./steps/operations.ts";

/** What the report shows of a log entry, once per sector's log type (each sector audits its own reads). */
export const AccessLogFieldsFragmentDocs = graphql(`
  fragment MunicipalityAccessLogFields on MunicipalityAccessLogEntry { at sector organisation purpose action decision fieldPaths }
  fragment PoliceAccessLogFields on PoliceAccessLogEntry { at sector organisation purpose action decision fieldPaths }
  fragment HealthAccessLogFields on HealthAccessLogEntry { at sector organisation purpose action decision fieldPaths }
  fragment BoernehusAccessLogFields on BoernehusAccessLogEntry { at sector organisation purpose action decision fieldPaths }
`);

type Sector = "MUNICIPALITY" | "POLICE" | "HEALTH" | "BOERNEHUS";
/** An entry and whose log holds it: the data it was about. */
type Entry = (
  | MunicipalityAccessLogFieldsFragment
  | PoliceAccessLogFieldsFragment
  | HealthAccessLogFieldsFragment
  | BoernehusAccessLogFieldsFragment
) & { log: Sector };

/** The record types a log entry names, in the words of the catalogue (never a field path: that is developer text). */
const KNOWN_TYPES = new Set([
  "Child",
  "CustodyHolder",
  "Notification",
  "ChildAssessment",
  "Referral",
  "Measure",
  "RecommendationResponse",
  "CaseworkerAssignment",
  "PoliceReport",
  "VideoInterview",
  "Suspect",
  "MedicalExamination",
  "OnwardReferral",
  "BoernehusCase",
  "SamraadMeeting",
  "ActionItem",
  "CrisisSupportSession",
  "Assessment",
  "FinalNote",
  "Recommendation",
  "Consultation",
]);

function dataKinds(fieldPaths: string[], t: ReturnType<typeof useI18n>["t"]): string {
  // Query and Mutation are the way in, not data about the child.
  const types = [...new Set(fieldPaths.map((p) => p.split(".")[0] ?? ""))].filter((type) => type !== "Query" && type !== "Mutation");
  const words = types.map((type) =>
    KNOWN_TYPES.has(type) ? t(`steps.dpo.type.${type}` as Parameters<typeof t>[0]) : t("steps.dpo.type.other"),
  );
  return [...new Set(words)].join(", ");
}

/** The web app's own purpose code in words; a sector system's own purpose (free text) as it was given. */
function purposeText(purpose: string, t: ReturnType<typeof useI18n>["t"]): string {
  if (!purpose) return t("steps.dpo.noPurpose");
  return purpose === PURPOSE ? t("steps.dpo.purposeCasework") : purpose;
}

/**
 * The data protection officer's landing page: the access report for one child of her
 * municipality (DESIGN.md §3 rule 7), found by the CPR number the parents give. Every look-up
 * of the child's data in every sector, with date, organisation, purpose and which fields
 * (never their values); printable for the parents.
 */
export function DpoPage() {
  const { t, tp, label, dateTime } = useI18n();
  const [cpr, setCpr] = useState("");
  const [asked, setAsked] = useState<string | null>(null);
  const [result] = useQuery({ query: AccessReportForCprDocument, variables: { cpr: asked ?? "" }, pause: asked === null });
  const report = asked !== null ? result.data?.accessReportForCpr : undefined;
  const entries: Entry[] = report
    ? [
        ...report.municipalityLog.map((e) => ({ ...e, log: "MUNICIPALITY" as const })),
        ...report.policeLog.map((e) => ({ ...e, log: "POLICE" as const })),
        ...report.healthLog.map((e) => ({ ...e, log: "HEALTH" as const })),
        ...report.boernehusLog.map((e) => ({ ...e, log: "BOERNEHUS" as const })),
      ].sort((a, b) => b.at.localeCompare(a.at))
    : [];
  return (
    <>
      <PageTitle>{t("dpo.title")}</PageTitle>
      <p className="lead">{t("dpo.intro")}</p>
      <ValidatedForm
        id="access-report"
        className="card no-print"
        onValid={() => setAsked(cpr.trim())}
        aria-labelledby="access-report-title"
      >
        <h2 id="access-report-title">{t("steps.dpo.find")}</h2>
        <TextField
          id="access-report-cpr"
          label={t("steps.dpo.cpr")}
          hint={t("steps.dpo.cprHint")}
          className="form-input input-width-s"
          inputMode="numeric"
          autoComplete="off"
          required
          state={[cpr, setCpr]}
        />
        <SubmitButton>{t("steps.dpo.submit")}</SubmitButton>
        {asked !== null && result.fetching && <p role="status">{t("common.loading")}</p>}
        {asked !== null && !result.fetching && <FormStatus error={result.error} labels={{ cpr: t("steps.dpo.cpr") }} />}
      </ValidatedForm>
      {report && (
        <section className="card" aria-labelledby="access-report-result" data-access-report="">
          <h2 id="access-report-result">{t("steps.dpo.reportTitle", { cpr: asked ?? "" })}</h2>
          <p>
            {tp("steps.dpo.summary", entries.length)} {tp("steps.dpo.cases", report.caseIds.length)}
          </p>
          <p className="muted">{t("steps.dpo.noValues")}</p>
          <div className="actions no-print">
            <button className="button button-secondary" type="button" onClick={() => window.print()}>
              {t("steps.dpo.print")}
            </button>
          </div>
          {entries.length === 0 ? (
            <p>{t("steps.dpo.empty")}</p>
          ) : (
            <Table
              caption={t("steps.dpo.reportTitle", { cpr: asked ?? "" })}
              columns={[
                t("steps.dpo.col.at"),
                t("steps.dpo.col.who"),
                t("steps.dpo.col.purpose"),
                t("steps.dpo.col.what"),
                t("steps.dpo.col.data"),
              ]}
            >
              {entries.map((e, i) => (
                // The same look-up may touch several logs at the same instant: the position keeps rows apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id of their own
                <tr key={`${e.log}-${e.at}-${i}`}>
                  <td>{dateTime(e.at)}</td>
                  <td>
                    {label("Sector", e.sector)} · {e.sector === "BOERNEHUS" ? label("Region", e.organisation) : e.organisation}
                  </td>
                  <td>{purposeText(e.purpose, t)}</td>
                  <td>
                    {label("AccessAction", e.action)} · {label("AccessDecision", e.decision)}
                  </td>
                  <td>
                    {label("Sector", e.log)}: {dataKinds(e.fieldPaths, t)}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      )}
    </>
  );
}
