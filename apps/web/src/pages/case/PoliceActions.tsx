import { useState } from "react";
import { useClient, useMutation, useQuery } from "urql";
import { DateTimeInput, FieldError, SubmitButton, TextField, ValidatedForm, VocabularySelect } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import type { ObjectionOverrideBasis } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { CaseCustodyStatementDocument } from "../referral/referralOperations.ts";
import { BookVideoInterviewDocument, CaseWriteGrantDocument, FilePoliceReportDocument } from "./sectorOperations.ts";

const BASES: ObjectionOverrideBasis[] = ["OBJECTOR_IS_SUSPECT", "OTHER_HOLDER_CONSENTS", "DECISION_WITHOUT_CONSENT"];
const MIN_REASON = 20;

/**
 * The police investigator books the video interview (within a week of the report). Whether a
 * custody holder objects is the municipality's record: the form shows it, and sends the
 * municipality's signed statement with the booking, fetched right before it. With an objection,
 * overriding it (legal basis and reason, recorded and audited) is a visible step of the form.
 */
export function BookInterviewForm({
  caseId,
  policeReportId,
  interviewerName,
  onDone,
}: {
  caseId: string;
  policeReportId: string;
  interviewerName: string;
  onDone(): void;
}) {
  const { t } = useI18n();
  const client = useClient();
  const [custody, refetchCustody] = useQuery({
    query: CaseCustodyStatementDocument,
    variables: { id: caseId },
    requestPolicy: "network-only",
  });
  const [booking, book] = useMutation(BookVideoInterviewDocument);
  const [scheduledAt, setScheduledAt] = useState(toLocalInput(new Date(Date.now() + 2 * 86_400_000)));
  const [interviewer, setInterviewer] = useState(interviewerName);
  const [basis, setBasis] = useState<ObjectionOverrideBasis>("OBJECTOR_IS_SUSPECT");
  const [reason, setReason] = useState("");
  const objection = custody.data?.boernehusCase?.child?.videoInterviewObjection === true;
  const submit = async () => {
    // The statement lives 120 s: fetched now, right before the write.
    const fresh = await client.query(CaseCustodyStatementDocument, { id: caseId }, { requestPolicy: "network-only" }).toPromise();
    const res = await book({
      input: {
        policeReportId,
        scheduledAt: fromLocalInput(scheduledAt),
        custodyStatement: fresh.data?.boernehusCase?.custodyStatement ?? null,
        objectionOverride: objection ? { legalBasis: basis, reason } : null,
        interviewerName: interviewer || null,
      },
    });
    if (res.data) {
      setReason("");
      onDone();
    }
    // The municipality recorded an objection since the form was opened: show the override step,
    // and the case as it is now.
    if (res.error?.graphQLErrors.some((e) => e.extensions?.code === "CUSTODY_OBJECTION")) {
      refetchCustody({ requestPolicy: "network-only" });
      onDone();
    }
  };
  return (
    <ValidatedForm id="book-interview" onValid={submit} aria-labelledby="book-interview-title">
      <h4 id="book-interview-title">{t("police.book")}</h4>
      {custody.data && (
        <div
          className={objection ? "alert alert-warning" : undefined}
          role={objection ? "note" : undefined}
          data-custody-objection={objection ? "yes" : "no"}
        >
          <p className={objection ? "alert-text" : undefined}>{objection ? t("police.objection.warning") : t("police.objection.none")}</p>
        </div>
      )}
      <div className="row">
        <DateTimeInput id="book-interview-at" label={t("police.bookScheduledAt")} required value={scheduledAt} onChange={setScheduledAt} />
        <label className="form-group">
          <span className="form-label">{t("police.bookInterviewer")}</span>
          <input className="form-input" value={interviewer} onChange={(e) => setInterviewer(e.target.value)} />
        </label>
      </div>
      {objection && (
        <fieldset data-objection-override="">
          <legend>{t("police.objection.legend")}</legend>
          <VocabularySelect label={t("police.objection.basis")} of="ObjectionOverrideBasis" values={BASES} state={[basis, setBasis]} />
          <label className="form-group">
            <span className="form-label">
              {t("police.objection.reason")} <span className="form-hint">({t("police.objection.reasonHint")})</span>
            </span>
            <FieldError id="book-interview-override-reason" />
            <textarea
              id="book-interview-override-reason"
              className="form-input"
              required
              minLength={MIN_REASON}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
        </fieldset>
      )}
      <SubmitButton busy={booking.fetching}>{t("police.book")}</SubmitButton>
      <FormStatus
        error={booking.error}
        success={booking.data ? t("police.booked") : null}
        labels={{ scheduledAt: t("police.bookScheduledAt"), objectionOverride: t("police.objection.reason") }}
      />
    </ValidatedForm>
  );
}

/**
 * The police register their report in the case (its journal number, in the investigator's own
 * district), so the case's police part (interviews, investigation) can start. The case is the
 * børnehus's: its write grant, fetched right before, goes with the write.
 */
export function FilePoliceReportForm({ caseId, district, onDone }: { caseId: string; district: string; onDone(): void }) {
  const { t } = useI18n();
  const client = useClient();
  const [filing, file] = useMutation(FilePoliceReportDocument);
  const [journalNumber, setJournalNumber] = useState("");
  const [reportedAt, setReportedAt] = useState(() => toLocalInput(new Date()));
  const submit = async () => {
    const grant = await client.query(CaseWriteGrantDocument, { id: caseId }, { requestPolicy: "network-only" }).toPromise();
    const res = await file({
      input: {
        caseId,
        caseGrant: grant.data?.boernehusCase?.writeGrant ?? "",
        journalNumber: journalNumber.trim(),
        district,
        reportedAt: fromLocalInput(reportedAt),
      },
    });
    if (res.data) onDone();
  };
  return (
    <ValidatedForm id="file-police-report" onValid={submit} aria-labelledby="file-police-report-title">
      <h4 id="file-police-report-title">{t("police.file.title")}</h4>
      <div className="row">
        <TextField
          id="file-police-report-journal"
          label={t("police.journal")}
          hint={t("police.file.journalHint")}
          required
          inputMode="numeric"
          autoComplete="off"
          state={[journalNumber, setJournalNumber]}
        />
        <DateTimeInput id="file-police-report-at" label={t("police.reportedAt")} required value={reportedAt} onChange={setReportedAt} />
      </div>
      <SubmitButton busy={filing.fetching}>{t("police.file.submit")}</SubmitButton>
      <FormStatus
        error={filing.error}
        labels={{ journalNumber: t("police.journal"), reportedAt: t("police.reportedAt"), district: t("police.district") }}
      />
    </ValidatedForm>
  );
}
