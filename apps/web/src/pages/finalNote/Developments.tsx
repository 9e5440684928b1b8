import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import type { FinalNoteCase, FinalNoteData } from "./finalNoteOperations.ts";

export type Development = NonNullable<FinalNoteCase["developmentsSinceAssessment"]>["items"][number];
type Age = NonNullable<FinalNoteCase["finalNoteAge"]>;
type Considered = FinalNoteData["consideredDevelopments"][number];

export const developmentKey = (d: { kind: string; recordId: string }) => `${d.kind}:${d.recordId}`;

/** One development in plain Danish: what happened, and when (a notification's content stays the municipality's). */
export function useDescribeDevelopment() {
  const { t, label, date } = useI18n();
  return (d: Development) => {
    const when = date(d.at);
    switch (d.kind) {
      case "MEASURE_DECIDED":
      case "MEASURE_STARTED": {
        const measure = d.measure ? t("child.measureLine", { kind: label("MeasureKind", d.measure.kind), step: d.measure.ladderStep }) : "";
        return t(d.kind === "MEASURE_DECIDED" ? "finalNote.development.measureDecided" : "finalNote.development.measureStarted", {
          measure,
          date: when,
        });
      }
      case "NOTIFICATION":
        return t("finalNote.development.notification", { date: when });
      case "CASEWORKER_CHANGE":
        return t("finalNote.development.caseworkerChange", { name: d.caseworkerAssignment?.caseworkerName ?? "", date: when });
    }
  };
}

/**
 * The note's age against the 4-6 months municipalities usually wait for it (seed 000): from the
 * referral received to the note sent, or to today while it is written.
 */
export function NoteAge({ age }: { age: Age }) {
  const { t, tp } = useI18n();
  const tone = age.band === "UNDER_4_MONTHS" ? "alert-info" : age.band === "FROM_4_TO_6_MONTHS" ? "alert-warning" : "alert-error";
  return (
    <div className={`alert ${tone}`} data-note-age={age.band}>
      <div className="alert-body">
        <p className="alert-text">
          {tp(age.sent ? "finalNote.age.sent" : "finalNote.age.drafting", age.months, { months: age.months, days: age.days })}{" "}
          {t(`finalNote.age.band.${age.band}` as MessageKey, { low: age.analysisLowMonths, high: age.analysisHighMonths })}
        </p>
      </div>
    </div>
  );
}

/** What the note took into account, as the municipality's list describes it (by id, where the list still has it). */
export function ConsideredList({ considered, developments }: { considered: readonly Considered[]; developments: readonly Development[] }) {
  const { t, label, date } = useI18n();
  const describe = useDescribeDevelopment();
  const byKey = new Map(developments.map((d) => [developmentKey(d), d]));
  if (considered.length === 0) return <p>{t("finalNote.considered.none")}</p>;
  return (
    <ul className="items" data-considered>
      {considered.map((c) => {
        const d = byKey.get(developmentKey(c));
        return <li key={developmentKey(c)}>{d ? describe(d) : `${label("CaseDevelopmentKind", c.kind)} · ${date(c.occurredAt)}`}</li>;
      })}
    </ul>
  );
}
