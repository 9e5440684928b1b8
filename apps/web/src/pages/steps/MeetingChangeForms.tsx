import { useState } from "react";
import { useMutation } from "urql";
import { ConfirmDialog, DateTimeInput, SubmitButton, TextField, ValidatedForm } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import { useIdempotencyKey } from "../../graphql/idempotency.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { CancelSamraadMeetingDocument, MoveSamraadMeetingDocument } from "./operations.ts";

/**
 * The børnehus coordinator moves a planned samråd to another time, or cancels it with a
 * reason (after a confirmation: a cancelled samråd cannot be planned again, only a new one).
 */
export function MeetingChangeForms({
  meeting,
  onStart,
  onDone,
}: {
  meeting: { id: string; scheduledAt: string; version: number };
  /** Called as a move or cancellation is sent, before its answer: older news on the page is no longer true. */
  onStart(): void;
  onDone(): void;
}) {
  const { t } = useI18n();
  const [moving, move] = useMutation(MoveSamraadMeetingDocument);
  const [cancelling, cancel] = useMutation(CancelSamraadMeetingDocument);
  const [to, setTo] = useState(() => toLocalInput(new Date(meeting.scheduledAt)));
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [moveKey, renewMoveKey] = useIdempotencyKey();
  const [cancelKey] = useIdempotencyKey();
  const submitMove = async () => {
    onStart();
    const res = await move({
      input: { meetingId: meeting.id, scheduledAt: fromLocalInput(to), version: meeting.version },
      idempotencyKey: moveKey,
    });
    if (res.data) {
      // A later move is another write.
      renewMoveKey();
      onDone();
    }
  };
  const submitCancel = async () => {
    setConfirming(false);
    onStart();
    const res = await cancel({ input: { meetingId: meeting.id, reason, version: meeting.version }, idempotencyKey: cancelKey });
    if (res.data) onDone();
  };
  return (
    <section className="card no-print" aria-labelledby="change-meeting-title">
      <h2 id="change-meeting-title">{t("steps.meeting.title")}</h2>
      <ValidatedForm id="move-meeting" onValid={submitMove} aria-labelledby="move-meeting-title">
        <h3 id="move-meeting-title">{t("steps.meeting.move")}</h3>
        <DateTimeInput id="move-meeting-at" label={t("steps.meeting.newTime")} required value={to} onChange={setTo} />
        <SubmitButton busy={moving.fetching}>{t("steps.meeting.moveSubmit")}</SubmitButton>
        <FormStatus
          error={moving.error}
          success={moving.data ? t("steps.meeting.moved") : null}
          labels={{ scheduledAt: t("steps.meeting.newTime") }}
        />
      </ValidatedForm>
      <ValidatedForm id="cancel-meeting" onValid={() => setConfirming(true)} aria-labelledby="cancel-meeting-title">
        <h3 id="cancel-meeting-title">{t("steps.meeting.cancel")}</h3>
        <TextField
          id="cancel-meeting-reason"
          label={t("steps.meeting.reason")}
          hint={t("steps.meeting.reasonHint")}
          required
          state={[reason, setReason]}
          multiline
        />
        <SubmitButton busy={cancelling.fetching} secondary>
          {t("steps.meeting.cancelSubmit")}
        </SubmitButton>
        <FormStatus
          error={cancelling.error}
          success={cancelling.data ? t("steps.meeting.cancelled") : null}
          labels={{ reason: t("steps.meeting.reason") }}
        />
      </ValidatedForm>
      {confirming && (
        <ConfirmDialog
          title={t("steps.meeting.confirmTitle")}
          body={t("steps.meeting.confirmBody")}
          yes={t("steps.meeting.confirmYes")}
          onYes={submitCancel}
          onNo={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
