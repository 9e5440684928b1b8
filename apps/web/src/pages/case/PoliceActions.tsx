import { useState } from "react";
import { useMutation } from "urql";
import { DateTimeInput, ValidatedForm } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import type { CustodyConsent } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { BookVideoInterviewDocument } from "./sectorOperations.ts";

const CONSENTS: CustodyConsent[] = ["GIVEN", "NOT_REQUIRED", "OBJECTED"];

/** The police investigator books the video interview (within a week of the report). */
export function BookInterviewForm({
  policeReportId,
  interviewerName,
  onDone,
}: {
  policeReportId: string;
  interviewerName: string;
  onDone(): void;
}) {
  const { t, label } = useI18n();
  const [booking, book] = useMutation(BookVideoInterviewDocument);
  const [scheduledAt, setScheduledAt] = useState(toLocalInput(new Date(Date.now() + 2 * 86_400_000)));
  const [consent, setConsent] = useState<CustodyConsent>("GIVEN");
  const [interviewer, setInterviewer] = useState(interviewerName);
  const submit = async () => {
    const res = await book({
      input: { policeReportId, scheduledAt: fromLocalInput(scheduledAt), custodyConsent: consent, interviewerName: interviewer || null },
    });
    if (res.data) onDone();
  };
  return (
    <ValidatedForm id="book-interview" onValid={submit} aria-labelledby="book-interview-title">
      <h4 id="book-interview-title">{t("police.book")}</h4>
      <div className="row">
        <DateTimeInput id="book-interview-at" label={t("police.bookScheduledAt")} required value={scheduledAt} onChange={setScheduledAt} />
        <label>
          <span>{t("police.bookConsent")}</span>
          <select value={consent} onChange={(e) => setConsent(e.target.value as CustodyConsent)}>
            {CONSENTS.map((c) => (
              <option key={c} value={c}>
                {label("CustodyConsent", c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("police.bookInterviewer")}</span>
          <input value={interviewer} onChange={(e) => setInterviewer(e.target.value)} />
        </label>
      </div>
      <button type="submit" className="primary" disabled={booking.fetching}>
        {t("police.book")}
      </button>
      <FormStatus
        error={booking.error}
        success={booking.data ? t("police.booked") : null}
        labels={{ scheduledAt: t("police.bookScheduledAt") }}
      />
    </ValidatedForm>
  );
}
