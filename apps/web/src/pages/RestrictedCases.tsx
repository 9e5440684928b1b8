import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useMutation, useQuery } from "urql";
import { SubmitButton } from "../components/Form.tsx";
import { ErrorText, FormStatus } from "../components/FormStatus.tsx";
import { RestrictedMark } from "../components/Restricted.tsx";
import { Table } from "../components/Table.tsx";
import { graphql } from "../generated/gql.ts";
import type { MyRestrictedCasesQuery } from "../generated/graphql.ts";
import { useIdempotencyKey } from "../graphql/idempotency.ts";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * Cases a leader may know exist but not open (issue #5): her organisation's people take part,
 * she does not. Shown as restricted, with the reason, never silently left out; she may
 * break the glass for one, giving a reason, and lands on the case with emergency access.
 */
export const MyRestrictedCasesDocument = graphql(`
  query MyRestrictedCases {
    myRestrictedCases(first: 100) {
      id
      region
      referralReceivedOn
      reason
    }
  }
`);

export const BreakTheGlassDocument = graphql(`
  mutation BreakTheGlass($input: OpenCaseInEmergencyInput!, $idempotencyKey: String) {
    openCaseInEmergency(input: $input, idempotencyKey: $idempotencyKey) {
      id
      myAccess {
        basis
        expiresAt
      }
    }
  }
`);

/** The børnehus subgraph's minimum (MIN_EMERGENCY_REASON); it checks again. */
export const MIN_EMERGENCY_REASON = 20;

/** A case's short reference: the first 8 characters of its id, enough to tell a leader's rows apart. */
export const shortRef = (id: string) => id.slice(0, 8);

type RestrictedRow = MyRestrictedCasesQuery["myRestrictedCases"][number];

export function RestrictedCases() {
  const { t, label, date } = useI18n();
  const [result] = useQuery({ query: MyRestrictedCasesDocument });
  const [chosen, setChosen] = useState<RestrictedRow | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const rows = result.data?.myRestrictedCases ?? [];
  // When the dialog is gone (the page is no longer inert), the focus goes back to the button that opened it.
  useEffect(() => {
    if (chosen || !trigger.current) return;
    trigger.current.focus();
    trigger.current = null;
  }, [chosen]);

  return (
    <section aria-labelledby="restricted-cases-title" className="restricted-cases">
      <h2 id="restricted-cases-title">{t("restrictedCases.title")}</h2>
      <p className="lead">{t("restrictedCases.intro")}</p>
      {result.fetching && !result.data && <p role="status">{t("common.loading")}</p>}
      {result.error && !result.data && (
        <p role="alert">
          <ErrorText error={result.error} />
        </p>
      )}
      {result.data &&
        (rows.length === 0 ? (
          <p>{t("restrictedCases.empty")}</p>
        ) : (
          <Table
            caption={t("restrictedCases.title")}
            columns={[
              t("restrictedCases.col.case"),
              t("restrictedCases.col.boernehus"),
              t("restrictedCases.col.referral"),
              t("restrictedCases.col.access"),
              t("restrictedCases.col.action"),
            ]}
          >
            {rows.map((row) => (
              <tr key={row.id} data-restricted-case-id={row.id}>
                <th scope="row">
                  {/* The API gives only region and date (issue 20: no municipality, age or staff name yet); the short reference tells rows apart. */}
                  {t("restrictedCases.caseLabel", { date: date(row.referralReceivedOn), region: label("Region", row.region) })}
                  <div className="muted small">{t("restrictedCases.reference", { ref: shortRef(row.id) })}</div>
                </th>
                <td>{label("Region", row.region)}</td>
                <td>{date(row.referralReceivedOn)}</td>
                <td>
                  <RestrictedMark>{t("restricted.withReason", { reason: label("RestrictedReason", row.reason) })}</RestrictedMark>
                </td>
                <td>
                  <button
                    className="button button-secondary"
                    type="button"
                    aria-haspopup="dialog"
                    aria-label={t("restrictedCases.breakGlassFor", {
                      date: date(row.referralReceivedOn),
                      region: label("Region", row.region),
                      ref: shortRef(row.id),
                    })}
                    onClick={(e) => {
                      trigger.current = e.currentTarget;
                      setChosen(row);
                    }}
                  >
                    {t("restrictedCases.breakGlass")}
                  </button>
                </td>
              </tr>
            ))}
          </Table>
        ))}
      {chosen && <BreakTheGlassDialog row={chosen} onCancel={() => setChosen(null)} />}
    </section>
  );
}

/** A modal dialog: the reason (recorded and reviewed), then the case with emergency access. */
function BreakTheGlassDialog({ row, onCancel }: { row: RestrictedRow; onCancel(): void }) {
  const { t, label, date } = useI18n();
  const navigate = useNavigate();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const [reason, setReason] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const [opening, open] = useMutation(BreakTheGlassDocument);
  // One key per intended opening: a retry of the same submission is the same write.
  const [idempotencyKey] = useIdempotencyKey();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    reasonRef.current?.focus();
    return () => dialog?.close();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (text.length < MIN_EMERGENCY_REASON) {
      setTooShort(true);
      reasonRef.current?.focus();
      return;
    }
    setTooShort(false);
    const res = await open({ input: { caseId: row.id, reason: text }, idempotencyKey });
    if (res.data) navigate(`/cases/${res.data.openCaseInEmergency.id}`);
  };

  const titleId = `${ids}-title`;
  const bodyId = `${ids}-body`;
  const hintId = `${ids}-hint`;
  const errorId = `${ids}-error`;
  return (
    <dialog
      ref={dialogRef}
      className="idle-dialog break-glass-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t("restrictedCases.dialogTitle")}</h2>
        <p id={bodyId}>{t("restrictedCases.dialogBody", { boernehus: label("Region", row.region), date: date(row.referralReceivedOn) })}</p>
        <label className="form-group">
          <span className="form-label">{t("restrictedCases.reason")}</span>
          <textarea
            className="form-input"
            ref={reasonRef}
            value={reason}
            required
            minLength={MIN_EMERGENCY_REASON}
            maxLength={2000}
            aria-invalid={tooShort}
            aria-describedby={tooShort ? `${hintId} ${errorId}` : hintId}
            onChange={(e) => {
              setReason(e.target.value);
              if (tooShort && e.target.value.trim().length >= MIN_EMERGENCY_REASON) setTooShort(false);
            }}
          />
        </label>
        <p id={hintId} className="form-hint">
          {t("restrictedCases.reasonHint", { min: MIN_EMERGENCY_REASON })}
        </p>
        {tooShort && (
          <p id={errorId} role="alert" className="error">
            {t("restrictedCases.reasonTooShort", { min: MIN_EMERGENCY_REASON })}
          </p>
        )}
        <FormStatus error={opening.error} success={opening.fetching ? t("restrictedCases.opening") : null} />
        <div className="actions">
          <SubmitButton busy={opening.fetching}>{t("restrictedCases.submit")}</SubmitButton>
          <button className="button button-secondary" type="button" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
