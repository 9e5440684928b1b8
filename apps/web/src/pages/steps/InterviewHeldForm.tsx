import { useState } from "react";
import { useMutation } from "urql";
import { Choice, DateTimeInput, SubmitButton, ValidatedForm } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import type { Sector } from "../../generated/graphql.ts";
import { useIdempotencyKey } from "../../graphql/idempotency.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { RecordVideoInterviewHeldDocument } from "./operations.ts";

/** Who may watch a video interview from the monitor room, besides the police who hold it. */
const OBSERVERS: Sector[] = ["MUNICIPALITY", "BOERNEHUS", "HEALTH"];

/** The police investigator records a booked video interview as held: when, and who watched. */
export function InterviewHeldForm({
  interview,
  onDone,
}: {
  interview: { id: string; scheduledAt: string; version: number };
  onDone(): void;
}) {
  const { t, label, dateTime } = useI18n();
  const [recording, record] = useMutation(RecordVideoInterviewHeldDocument);
  // The booked time is the likeliest answer; the investigator corrects it if the interview started later.
  const [heldAt, setHeldAt] = useState(() => toLocalInput(new Date(Math.min(Date.parse(interview.scheduledAt), Date.now()))));
  const [observers, setObservers] = useState<Sector[]>(["MUNICIPALITY", "BOERNEHUS"]);
  const [idempotencyKey] = useIdempotencyKey();
  const base = `interview-held-${interview.id.slice(0, 8)}`;
  const submit = async () => {
    const res = await record({
      input: { interviewId: interview.id, heldAt: fromLocalInput(heldAt), observers, version: interview.version },
      idempotencyKey,
    });
    if (res.data) onDone();
  };
  return (
    <ValidatedForm id={base} onValid={submit} aria-labelledby={`${base}-title`} className="step-form">
      <h4 id={`${base}-title`}>{t("steps.interviewHeld.title", { date: dateTime(interview.scheduledAt) })}</h4>
      <DateTimeInput id={`${base}-at`} label={t("steps.interviewHeld.heldAt")} required value={heldAt} onChange={setHeldAt} />
      <fieldset>
        <legend>{t("steps.interviewHeld.observers")}</legend>
        {OBSERVERS.map((s) => (
          <Choice
            key={s}
            type="checkbox"
            checked={observers.includes(s)}
            onChange={(e) => setObservers((now) => (e.target.checked ? [...now, s] : now.filter((x) => x !== s)))}
            label={label("Sector", s)}
          />
        ))}
      </fieldset>
      <SubmitButton busy={recording.fetching}>{t("steps.interviewHeld.submit")}</SubmitButton>
      <FormStatus
        error={recording.error}
        success={recording.data ? t("steps.interviewHeld.done") : null}
        labels={{ heldAt: t("steps.interviewHeld.heldAt") }}
      />
    </ValidatedForm>
  );
}
