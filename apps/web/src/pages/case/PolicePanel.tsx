import type { ReactNode } from "react";
import { Facts, Field } from "../../components/Restricted.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CaseData } from "./caseQuery.ts";

export function PolicePanel({ data, actions }: { data: CaseData; actions?: ReactNode }) {
  const { t, label, date, dateTime } = useI18n();
  const report = data.policeReport;
  // The municipality may have filed a report the police have not registered yet: say so, not "not reported".
  if (!report)
    return (
      <>
        <p>{data.referral?.policeReportFiled ? t("police.reportedByMunicipalityPending") : t("police.noReport")}</p>
        {actions}
      </>
    );
  const interviews = [...report.videoInterviews].sort((a, b) => (a.heldAt ?? a.scheduledAt).localeCompare(b.heldAt ?? b.scheduledAt));
  return (
    <>
      <Facts
        facts={[
          { label: t("police.journal"), value: report.journalNumber },
          { label: t("police.district"), value: report.district },
          { label: t("police.reportedAt"), value: date(report.reportedAt) },
          {
            label: t("police.investigation"),
            coordinate: "PoliceReport.investigationStatus",
            value: report.investigationStatus && label("InvestigationStatus", report.investigationStatus),
          },
          {
            label: t("police.suspectRelations"),
            coordinate: "PoliceReport.suspectRelations",
            value:
              report.suspectRelations && (report.suspectRelations.map((r) => label("SuspectRelation", r)).join(", ") || t("common.none")),
          },
        ]}
      />
      <h4>{t("police.interviews")}</h4>
      {interviews.length === 0 ? (
        <p>{t("police.noInterviews")}</p>
      ) : (
        <ul className="items">
          {interviews.map((i) => (
            <li key={i.id} data-interview={i.id}>
              <strong>{dateTime(i.heldAt ?? i.scheduledAt)}</strong> · {label("VideoInterviewStatus", i.status)}
              {i.observers.length > 0 && (
                <>
                  {" "}
                  · {t("police.observers")}: {i.observers.map((s) => label("Sector", s)).join(", ")}
                </>
              )}
              <div>
                {t("police.interviewer")}: <Field coordinate="VideoInterview.interviewerName">{i.interviewerName}</Field>
              </div>
              {i.objectionOverrideBasis && (
                <div data-objection-overridden={i.objectionOverrideBasis}>
                  {t("police.objection.overridden", { basis: label("ObjectionOverrideBasis", i.objectionOverrideBasis) })}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {actions}
    </>
  );
}
