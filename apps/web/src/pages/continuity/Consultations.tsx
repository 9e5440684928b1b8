import { useState } from "react";
import { useMutation } from "urql";
import { DateTimeInput, SubmitButton, TextField, ValidatedForm, VocabularyRadios } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import { Field } from "../../components/Restricted.tsx";
import type { Sector } from "../../generated/graphql.ts";
import { useIdempotencyKey } from "../../graphql/idempotency.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CaseData } from "../case/caseQuery.ts";
import { RecordConsultationDocument } from "./continuityOperations.ts";

/**
 * Sparring while the course runs (issue 23.3): the consultations between the municipality and
 * the børnehus (or the police), newest first, and the form for the two sides that record them.
 * Everyone in the samråd sees that they consulted, when and with whom; the summary stays with
 * the børnehus.
 */
export function Consultations({ data, form }: { data: CaseData; form: React.ReactNode }) {
  const { t, label, dateTime } = useI18n();
  const list = [...(data.consultations ?? [])].reverse();
  return (
    <section aria-labelledby="consultations-title" className="card" data-consultations={list.length}>
      <h2 id="consultations-title">{t("consultations.title")}</h2>
      <Field coordinate="BoernehusCase.consultations">
        {list.length === 0 ? (
          <p>{t("consultations.none")}</p>
        ) : (
          <ul className="items">
            {list.map((c) => (
              <li key={c.id}>
                {t("consultations.line", { date: dateTime(c.heldAt), withSector: label("Sector", c.withSector) })}
                {c.recordedByName && c.recordedBySector && (
                  <span className="muted">
                    {" "}
                    · {t("consultations.recordedBy", { name: c.recordedByName, sector: label("Sector", c.recordedBySector) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Field>
      {form}
    </section>
  );
}

/** The municipality consults the børnehus or the police; the børnehus records its own consultations with the municipality. */
export function ConsultationForm({ caseId, sector, onDone }: { caseId: string; sector: "MUNICIPALITY" | "BOERNEHUS"; onDone(): void }) {
  const { t } = useI18n();
  const [recording, record] = useMutation(RecordConsultationDocument);
  const sides: Sector[] = sector === "MUNICIPALITY" ? ["BOERNEHUS", "POLICE"] : ["BOERNEHUS"];
  const [withSector, setWithSector] = useState<Sector>("BOERNEHUS");
  const [heldAt, setHeldAt] = useState(() => toLocalInput(new Date()));
  const [summary, setSummary] = useState("");
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const submit = async () => {
    const res = await record({ input: { caseId, heldAt: fromLocalInput(heldAt), withSector, summary }, idempotencyKey });
    if (res.data) {
      setSummary("");
      renewKey();
      onDone();
    }
  };
  return (
    <ValidatedForm id="consultation" onValid={submit} aria-labelledby="consultation-title" className="step-form">
      <h3 id="consultation-title">{t("consultations.form.title")}</h3>
      {sides.length > 1 && (
        <fieldset>
          <legend>{t("consultations.form.withSector")}</legend>
          <VocabularyRadios name="consultation-with" of="Sector" values={sides} state={[withSector, setWithSector]} />
        </fieldset>
      )}
      <DateTimeInput id="consultation-at" label={t("consultations.form.heldAt")} required value={heldAt} onChange={setHeldAt} />
      <TextField
        id="consultation-summary"
        label={t("consultations.form.summary")}
        hint={t("consultations.form.summaryHint")}
        required
        state={[summary, setSummary]}
        multiline
      />
      <SubmitButton busy={recording.fetching}>{t("consultations.form.submit")}</SubmitButton>
      <FormStatus
        error={recording.error}
        success={recording.data ? t("consultations.form.done") : null}
        labels={{
          heldAt: t("consultations.form.heldAt"),
          withSector: t("consultations.form.withSector"),
          summary: t("consultations.form.summary"),
        }}
      />
    </ValidatedForm>
  );
}
