import { useState } from "react";
import { useMutation } from "urql";
import { DateTimeInput, SubmitButton, TextField, ValidatedForm } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import { Field } from "../../components/Restricted.tsx";
import { useIdempotencyKey } from "../../graphql/idempotency.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CaseData } from "../case/caseQuery.ts";
import { AssignCaseworkerDocument } from "./continuityOperations.ts";

/** Every caseworker of the case, oldest first: one caseworker throughout is the aim (issue 23.2). */
export function CaseworkerHistory({ data }: { data: CaseData }) {
  const { t, tp, date } = useI18n();
  const history = data.caseworkerHistory;
  return (
    <>
      <h4>{t("continuity.history")}</h4>
      <Field coordinate="BoernehusCase.caseworkerHistory">
        {history && history.length > 0 ? (
          <>
            <p data-caseworker-count={history.length}>{tp("continuity.historyCount", history.length)}</p>
            <ol className="caseworker-history">
              {history.map((a) => (
                <li key={a.id}>
                  {a.to
                    ? t("continuity.historyLineEnded", { name: a.caseworkerName, from: date(a.from), to: date(a.to) })
                    : t("continuity.historyLine", { name: a.caseworkerName, from: date(a.from) })}
                </li>
              ))}
            </ol>
          </>
        ) : (
          t("child.noCaseworker")
        )}
      </Field>
    </>
  );
}

/** The municipality's leader changes the caseworker; the page says why one caseworker throughout matters. */
export function ReassignForm({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const { t } = useI18n();
  const [assigning, assign] = useMutation(AssignCaseworkerDocument);
  const [sub, setSub] = useState("");
  const [name, setName] = useState("");
  const [from, setFrom] = useState(() => toLocalInput(new Date()));
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const submit = async () => {
    const res = await assign({
      input: { caseId, caseworkerSub: sub.trim(), caseworkerName: name.trim(), from: fromLocalInput(from) },
      idempotencyKey,
    });
    if (res.data) {
      setSub("");
      setName("");
      renewKey();
      onDone();
    }
  };
  return (
    <ValidatedForm id="reassign" onValid={submit} aria-labelledby="reassign-title" className="step-form">
      <h4 id="reassign-title">{t("continuity.reassign.title")}</h4>
      <p className="form-hint">{t("continuity.reassign.hint")}</p>
      <TextField id="reassign-name" label={t("continuity.reassign.name")} required state={[name, setName]} />
      <TextField id="reassign-sub" label={t("continuity.reassign.sub")} required state={[sub, setSub]} />
      <DateTimeInput id="reassign-from" label={t("continuity.reassign.from")} required value={from} onChange={setFrom} />
      <SubmitButton busy={assigning.fetching}>{t("continuity.reassign.submit")}</SubmitButton>
      <FormStatus
        error={assigning.error}
        success={assigning.data ? t("continuity.reassign.done", { name: assigning.data.assignCaseworker.caseworkerName }) : null}
        labels={{
          from: t("continuity.reassign.from"),
          caseworkerSub: t("continuity.reassign.sub"),
          caseworkerName: t("continuity.reassign.name"),
        }}
      />
    </ValidatedForm>
  );
}
