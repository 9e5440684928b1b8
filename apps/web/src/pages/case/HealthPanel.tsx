import type { ReactNode } from "react";
import { Field } from "../../components/Restricted.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CaseData } from "./caseQuery.ts";

export function HealthPanel({ data, actions }: { data: CaseData; actions?: ReactNode }) {
  const { t, label, dateTime } = useI18n();
  const exams = data.medicalExaminations ?? [];
  return (
    <>
      {exams.length === 0 ? (
        <p>{t("health.noExaminations")}</p>
      ) : (
        <ul className="items">
          {exams.map((e) => (
            <li key={e.id} data-examination={e.id}>
              <strong>{label("ExaminationKind", e.kind)}</strong> · {label("MedicalExaminationStatus", e.status)} ·{" "}
              {dateTime(e.performedAt ?? e.scheduledAt)}
              <dl className="facts">
                <div className="fact">
                  <dt>{t("health.unit")}</dt>
                  <dd>{e.unit}</dd>
                </div>
                <div className="fact">
                  <dt>{t("health.findings")}</dt>
                  <dd>
                    <Field coordinate="MedicalExamination.findingsSummary">
                      {e.findingsSummary ?? (e.status === "PERFORMED" ? null : t("health.notPerformed"))}
                    </Field>
                  </dd>
                </div>
                <div className="fact">
                  <dt>{t("health.clinical")}</dt>
                  <dd>
                    <Field coordinate="MedicalExamination.clinicalDetails">
                      {e.clinicalDetails ?? (e.status === "PERFORMED" ? null : t("health.notPerformed"))}
                    </Field>
                  </dd>
                </div>
                <div className="fact">
                  <dt>{t("health.physician")}</dt>
                  <dd>
                    <Field coordinate="MedicalExamination.physicianName">{e.physicianName}</Field>
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {(data.onwardReferrals?.length ?? 0) > 0 && (
        <>
          <h4>{t("health.onward")}</h4>
          <ul>
            {data.onwardReferrals?.map((r) => (
              <li key={r.id}>
                {label("OnwardReferralTarget", r.target)} · {dateTime(r.referredAt)}
              </li>
            ))}
          </ul>
        </>
      )}
      {actions}
    </>
  );
}
