import type { ReactNode } from "react";
import { Link } from "react-router";
import { Facts, Field } from "../../components/Restricted.tsx";
import { graphql } from "../../generated/gql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CaseData } from "./caseQuery.ts";

/** A crisis-support session as the panel lists it (the case page and the form that records one). */
export const CrisisSupportSessionFieldsFragmentDoc = graphql(`
  fragment CrisisSupportSessionFields on CrisisSupportSession { id recipient heldAt counsellorName }
`);

export function BoernehusPanel({
  data,
  actions,
  assessmentActions,
}: {
  data: CaseData;
  actions?: ReactNode;
  /** The børnehus's own forms for its assessment (start, complete). */
  assessmentActions?: ReactNode;
}) {
  const { t, label, date, dateTime } = useI18n();
  return (
    <>
      <h4>{t("boernehus.crisis")}</h4>
      {data.crisisSupportSessions.length === 0 ? (
        <p>{t("boernehus.noCrisis")}</p>
      ) : (
        <ul>
          {data.crisisSupportSessions.map((s) => (
            <li key={s.id} data-crisis={s.recipient}>
              {dateTime(s.heldAt)} · {label("CrisisRecipient", s.recipient)} · {t("boernehus.counsellor")}:{" "}
              <Field coordinate="CrisisSupportSession.counsellorName">{s.counsellorName}</Field>
            </li>
          ))}
        </ul>
      )}
      {actions}
      <h4>{t("boernehus.assessment")}</h4>
      {data.assessment ? (
        <Facts
          facts={[
            { label: t("case.status"), value: label("AssessmentStatus", data.assessment.status) },
            { label: t("timeline.assessmentStarted"), value: date(data.assessment.startedAt) },
            { label: t("boernehus.assessmentSummary"), coordinate: "Assessment.summary", value: data.assessment.summary },
          ]}
        />
      ) : (
        <p>{t("boernehus.noAssessment")}</p>
      )}
      {assessmentActions}
      <h4>{t("boernehus.finalNote")}</h4>
      <p>
        {data.finalNote ? label("FinalNoteStatus", data.finalNote.status) : t("boernehus.noFinalNote")}
        {" · "}
        <Link to={`/cases/${data.id}/final-note`}>{t("boernehus.openFinalNote")}</Link>
      </p>
    </>
  );
}
