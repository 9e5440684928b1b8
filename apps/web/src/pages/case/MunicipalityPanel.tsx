import { Facts, Field } from "../../components/Restricted.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { CaseworkerHistory } from "../continuity/CaseworkerHistory.tsx";
import type { CaseData } from "./caseQuery.ts";

export function MunicipalityPanel({ data }: { data: CaseData }) {
  const { t, label, date, dateTime } = useI18n();
  const child = data.child;
  return (
    <>
      <Facts
        facts={[
          { label: t("child.name"), coordinate: "BoernehusCase.child", value: child && `${child.firstName} ${child.lastName}` },
          { label: t("child.cpr"), coordinate: "Child.cpr", value: child?.cpr },
          { label: t("child.birthDate"), coordinate: "Child.birthDate", value: child && date(child.birthDate) },
          { label: t("child.gender"), coordinate: "Child.gender", value: child && label("Gender", child.gender) },
          {
            label: t("child.videoObjection"),
            coordinate: "Child.videoInterviewObjection",
            value: child && (child.videoInterviewObjection ? t("common.yes") : t("common.no")),
          },
          {
            label: t("child.caseworker"),
            coordinate: "BoernehusCase.caseworker",
            value: data.caseworker?.caseworkerName ?? t("child.noCaseworker"),
          },
          {
            label: t("child.policeReportFiled"),
            coordinate: "BoernehusCase.referral",
            value: data.referral && (data.referral.policeReportFiled ? t("common.yes") : t("common.no")),
          },
          {
            label: t("child.bfu"),
            coordinate: "BoernehusCase.childAssessment",
            value:
              data.childAssessment &&
              `${label("AssessmentStatus", data.childAssessment.status)} · ${t("child.bfuDue", { date: date(data.childAssessment.dueAt) })}`,
          },
        ]}
      />
      <CaseworkerHistory data={data} />
      <h4>{t("child.notifications")}</h4>
      <Field coordinate="Child.notifications">
        {child && child.notifications.length > 0 ? (
          <ul>
            {child.notifications.map((n) => (
              <li key={n.id}>{dateTime(n.receivedAt)}</li>
            ))}
          </ul>
        ) : (
          t("common.none")
        )}
      </Field>
      <h4>{t("child.measures")}</h4>
      <Field coordinate="BoernehusCase.measures">
        {data.measures && data.measures.length > 0 ? (
          <ul>
            {data.measures.map((m) => (
              <li key={m.id}>
                {t("child.measureLine", { kind: label("MeasureKind", m.kind), step: m.ladderStep })} ·{" "}
                <span data-legal-basis="">{t("child.legalBasis", { paragraph: m.legalBasis })}</span> · {date(m.startedAt ?? m.decidedAt)}
              </li>
            ))}
          </ul>
        ) : (
          t("child.noMeasures")
        )}
      </Field>
    </>
  );
}
