import { useId, useState } from "react";
import { useMutation, useQuery } from "urql";
import { Choice, FieldError, SubmitButton, ValidatedForm } from "../../components/Form.tsx";
import { FormStatus, QueryStatus } from "../../components/FormStatus.tsx";
import type { EmergencyAccessesForReviewQuery, EmergencyReviewOutcome } from "../../generated/graphql.ts";
import { useIdempotencyKey } from "../../graphql/idempotency.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { CaseName } from "./AlertsPage.tsx";
import { EmergencyAccessesForReviewDocument, ReviewEmergencyAccessDocument } from "./operations.ts";

type Opening = EmergencyAccessesForReviewQuery["emergencyAccessesForReview"][number];

/**
 * The leader's review queue: every break-the-glass opening of her organisation's cases,
 * oldest first. She finds each justified or not; "not justified" ends the access at once and
 * tells the opener's own leader and data protection officer.
 */
export function EmergencyReviewQueue() {
  const { t, tp } = useI18n();
  const [result, refetch] = useQuery({ query: EmergencyAccessesForReviewDocument, requestPolicy: "cache-and-network" });
  const rows = result.data?.emergencyAccessesForReview ?? [];
  // The reviewed opening leaves the queue: the confirmation stays here, above it.
  const [done, setDone] = useState("");
  return (
    <section className="card" aria-labelledby="review-queue-title" data-review-queue="">
      <h2 id="review-queue-title">{t("steps.review.title")}</h2>
      <p>{t("steps.review.intro")}</p>
      <p role="status" className="success">
        {done}
      </p>
      <QueryStatus result={result} />
      {result.data &&
        (rows.length === 0 ? (
          <p data-empty="review">{t("steps.review.empty")}</p>
        ) : (
          <>
            <p>{tp("steps.review.count", rows.length)}</p>
            <ul className="items">
              {rows.map((row) => (
                <ReviewItem
                  key={row.id}
                  row={row}
                  onDone={(text) => {
                    setDone(text);
                    refetch({ requestPolicy: "network-only" });
                  }}
                />
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}

function ReviewItem({ row, onDone }: { row: Opening; onDone(text: string): void }) {
  const { t, label, dateTime } = useI18n();
  const ids = useId().replace(/:/g, "");
  const [outcome, setOutcome] = useState<EmergencyReviewOutcome | null>(null);
  const [note, setNote] = useState("");
  const [reviewing, review] = useMutation(ReviewEmergencyAccessDocument);
  const [idempotencyKey] = useIdempotencyKey();
  const formId = `review-${row.id.slice(0, 8)}`;
  const submit = async () => {
    if (!outcome) return;
    const res = await review({ input: { id: row.id, outcome, note: note.trim() || null }, idempotencyKey });
    if (res.data) onDone(t("steps.review.done", { name: row.name, outcome: label("EmergencyReviewOutcome", outcome) }));
  };
  return (
    <li data-emergency-access={row.id}>
      <p>
        <strong>{row.name}</strong> · {label("Sector", row.sector)} · {row.organisation} · <CaseName caseId={row.caseId} />
      </p>
      <p>{t("steps.review.opened", { opened: dateTime(row.openedAt), expires: dateTime(row.expiresAt) })}</p>
      <blockquote className="pre">{row.reason}</blockquote>
      <ValidatedForm id={formId} onValid={submit} aria-label={t("steps.review.formFor", { name: row.name })}>
        <fieldset>
          <legend>{t("steps.review.outcome")}</legend>
          <FieldError id={`${ids}-outcome`} />
          {(["JUSTIFIED", "UNJUSTIFIED"] as const).map((o) => (
            <Choice
              key={o}
              id={o === "JUSTIFIED" ? `${ids}-outcome` : undefined}
              type="radio"
              name={`${ids}-outcome`}
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
              label={label("EmergencyReviewOutcome", o)}
            />
          ))}
        </fieldset>
        {outcome === "UNJUSTIFIED" && <p className="alert alert-warning">{t("steps.review.unjustifiedWarning")}</p>}
        <label className="form-group">
          <span className="form-label">{t("steps.review.note")}</span>
          <textarea className="form-input" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <SubmitButton busy={reviewing.fetching || outcome === null}>{t("steps.review.submit")}</SubmitButton>
        <FormStatus error={reviewing.error} labels={{ note: t("steps.review.note") }} />
      </ValidatedForm>
    </li>
  );
}
