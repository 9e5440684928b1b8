import { useState } from "react";
import { useMutation } from "urql";
import { Choice, DateTimeInput, SubmitButton, TextField, ValidatedForm } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import type { CrisisRecipient } from "../../generated/graphql.ts";
import { useIdempotencyKey } from "../../graphql/idempotency.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { RecordCrisisSupportSessionDocument } from "./operations.ts";

const RECIPIENTS: CrisisRecipient[] = ["CHILD", "CAREGIVER"];

/**
 * The børnehus records a crisis-support session, with the child or a caregiver. The
 * counsellor's name and the notes stay in the børnehus; the other sectors see that a
 * session was held, with whom and when.
 */
export function CrisisSupportForm({ caseId, counsellorName, onDone }: { caseId: string; counsellorName: string; onDone(): void }) {
  const { t, label } = useI18n();
  const [recording, record] = useMutation(RecordCrisisSupportSessionDocument);
  const [recipient, setRecipient] = useState<CrisisRecipient>("CHILD");
  const [heldAt, setHeldAt] = useState(() => toLocalInput(new Date()));
  const [counsellor, setCounsellor] = useState(counsellorName);
  const [notes, setNotes] = useState("");
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const submit = async () => {
    const res = await record({
      input: { caseId, recipient, heldAt: fromLocalInput(heldAt), counsellorName: counsellor, notes },
      idempotencyKey,
    });
    if (res.data) {
      // Ready for the next session: a new key, the notes cleared.
      setNotes("");
      renewKey();
      onDone();
    }
  };
  return (
    <ValidatedForm id="crisis-support" onValid={submit} aria-labelledby="crisis-support-title" className="step-form">
      <h4 id="crisis-support-title">{t("steps.crisis.title")}</h4>
      <fieldset>
        <legend>{t("steps.crisis.recipient")}</legend>
        {RECIPIENTS.map((r) => (
          <Choice
            key={r}
            type="radio"
            name="crisis-recipient"
            value={r}
            checked={recipient === r}
            onChange={() => setRecipient(r)}
            label={t(r === "CHILD" ? "steps.crisis.child" : "steps.crisis.caregiver")}
          />
        ))}
      </fieldset>
      <DateTimeInput id="crisis-support-at" label={t("steps.crisis.heldAt")} required value={heldAt} onChange={setHeldAt} />
      <TextField id="crisis-support-counsellor" label={t("steps.crisis.counsellor")} required state={[counsellor, setCounsellor]} />
      <TextField
        id="crisis-support-notes"
        label={t("steps.crisis.notes")}
        hint={t("steps.crisis.notesHint")}
        required
        state={[notes, setNotes]}
        multiline
      />
      <SubmitButton busy={recording.fetching}>{t("steps.crisis.submit")}</SubmitButton>
      <FormStatus
        error={recording.error}
        success={
          recording.data
            ? t("steps.crisis.done", { recipient: label("CrisisRecipient", recording.data.recordCrisisSupportSession.recipient) })
            : null
        }
        labels={{ heldAt: t("steps.crisis.heldAt"), counsellorName: t("steps.crisis.counsellor"), notes: t("steps.crisis.notes") }}
      />
    </ValidatedForm>
  );
}
