import type { ReactNode } from "react";
import { Facts } from "../../components/Restricted.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CaseData } from "./caseQuery.ts";

export function HealthPanel({ data, actions }: { data: CaseData; actions?: ReactNode }) {
  const { t, label, dateTime } = useI18n();
  const exams = data.medicalExaminations ?? [];
  /** A finding not there yet: the examination is still to be performed (null when it was, and the value is withheld). */
  const pending = (e: { status: string }) => (e.status === "PERFORMED" ? null : t("health.notPerformed"));
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
              <Facts
                facts={[
                  { label: t("health.unit"), value: e.unit },
                  { label: t("health.findings"), coordinate: "MedicalExamination.findingsSummary", value: e.findingsSummary ?? pending(e) },
                  { label: t("health.clinical"), coordinate: "MedicalExamination.clinicalDetails", value: e.clinicalDetails ?? pending(e) },
                  { label: t("health.physician"), coordinate: "MedicalExamination.physicianName", value: e.physicianName },
                ]}
              />
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
