import { RECOMMENDATION_KINDS } from "@samraad/access/vocabulary";
import { useState } from "react";
import { useClient, useMutation } from "urql";
import { Choice, ConfirmDialog, FieldError, SubmitButton, TextField, ValidatedForm, VocabularySelect } from "../../components/Form.tsx";
import { FormStatus } from "../../components/FormStatus.tsx";
import type { RecommendationKind } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { type Development, developmentKey, useDescribeDevelopment } from "./Developments.tsx";
import {
  DevelopmentsStatementDocument,
  DraftFinalNoteDocument,
  type FinalNoteData,
  ReviseFinalNoteDraftDocument,
  SendFinalNoteDocument,
  SignFinalNoteDocument,
} from "./finalNoteOperations.ts";

const KINDS: readonly RecommendationKind[] = RECOMMENDATION_KINDS;

interface RecommendationDraft {
  key: string;
  id: string | null;
  kind: RecommendationKind;
  description: string;
}

/**
 * The børnehus writes the final note (a draft it may revise), then signs it and sends it to the
 * municipality. Beside the text it ticks what of the municipality's developments since the
 * assessment began the note takes into account (null: the municipality's list cannot be shown).
 */
export function FinalNoteEditor({
  caseId,
  note,
  developments,
  since,
  onChanged,
}: {
  caseId: string;
  note: FinalNoteData | null;
  developments: readonly Development[] | null;
  since: string | null;
  onChanged(): void;
}) {
  const { t, date } = useI18n();
  const describe = useDescribeDevelopment();
  const client = useClient();
  const [considered, setConsidered] = useState<ReadonlySet<string>>(
    () => new Set((note?.consideredDevelopments ?? []).map(developmentKey)),
  );
  const toggle = (key: string, on: boolean) =>
    setConsidered((set) => {
      const next = new Set(set);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const [text, setText] = useState(note?.text ?? "");
  const [recommendations, setRecommendations] = useState<RecommendationDraft[]>(
    note?.recommendations.map((r) => ({ key: r.id, id: r.id, kind: r.kind, description: r.description })) ?? [],
  );
  const [counter, setCounter] = useState(0);
  const [drafting, draft] = useMutation(DraftFinalNoteDocument);
  const [revising, revise] = useMutation(ReviseFinalNoteDraftDocument);
  const [signing, sign] = useMutation(SignFinalNoteDocument);
  const [sending, send] = useMutation(SendFinalNoteDocument);
  const [saved, setSaved] = useState<string | null>(null);
  const editable = !note || note.status === "DRAFT";

  const change = (key: string, patch: Partial<RecommendationDraft>) =>
    setRecommendations((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    setRecommendations((rs) => [...rs, { key: `new-${counter}`, id: null, kind: "THERAPY", description: "" }]);
    setCounter((c) => c + 1);
  };
  const [confirming, setConfirming] = useState<"sign" | "send" | null>(null);
  const save = async () => {
    const list = recommendations.map(({ id, kind, description }) => ({ id, kind, description }));
    // The list is sent only where the municipality's list is shown; the municipality's signed word
    // for it (120 s) is fetched right before, as the recommendation grants are.
    let developmentsInput = {};
    if (developments) {
      const chosen = developments.filter((d) => considered.has(developmentKey(d))).map((d) => ({ kind: d.kind, recordId: d.recordId }));
      let developmentsStatement: string | null = null;
      if (chosen.length > 0) {
        const fresh = await client.query(DevelopmentsStatementDocument, { id: caseId }, { requestPolicy: "network-only" }).toPromise();
        developmentsStatement = fresh.data?.boernehusCase?.developmentsSinceAssessment?.statement ?? null;
      }
      developmentsInput = { consideredDevelopments: chosen, developmentsStatement };
    }
    const res = note
      ? await revise({ input: { id: note.id, text, recommendations: list, version: note.version, ...developmentsInput } })
      : await draft({ input: { caseId, text, recommendations: list, ...developmentsInput } });
    if (res.data) {
      setSaved(t("finalNote.draftSaved"));
      onChanged();
    }
  };

  return (
    <section className="card" aria-labelledby="editor-title">
      <h2 id="editor-title">{t("finalNote.title")}</h2>
      {editable && (
        <ValidatedForm id="final-note" onValid={save}>
          <TextField id="final-note-text" label={t("finalNote.text")} required rows={10} state={[text, setText]} multiline />
          <fieldset>
            <legend>{t("finalNote.recommendations")}</legend>
            {recommendations.length === 0 && <p>{t("finalNote.noRecommendations")}</p>}
            {recommendations.map((r, i) => (
              <div key={r.key} className="row">
                <VocabularySelect
                  label={t("finalNote.recommendationKind", { number: i + 1 })}
                  of="RecommendationKind"
                  values={KINDS}
                  state={[r.kind, (v) => change(r.key, { kind: v })]}
                />
                <label className="grow">
                  <span>{t("finalNote.recommendationDescription", { number: i + 1 })}</span>
                  <FieldError id={`final-note-rec-${r.key}`} />
                  {/* A textarea, not a one-line input: a recommendation is a sentence or two, and must show whole. */}
                  <textarea
                    id={`final-note-rec-${r.key}`}
                    className="form-input"
                    rows={3}
                    required
                    value={r.description}
                    onChange={(e) => change(r.key, { description: e.target.value })}
                  />
                </label>
                <button
                  className="button button-secondary"
                  type="button"
                  onClick={() => setRecommendations((rs) => rs.filter((x) => x.key !== r.key))}
                >
                  {t("finalNote.removeRecommendation", { number: i + 1 })}
                </button>
              </div>
            ))}
            <button className="button button-secondary" type="button" onClick={add}>
              {t("finalNote.addRecommendation")}
            </button>
          </fieldset>
          <fieldset data-developments>
            <legend>{since ? t("finalNote.developments.title", { date: date(since) }) : t("finalNote.developments.field")}</legend>
            {developments === null ? (
              <p>{t("finalNote.developments.unavailable")}</p>
            ) : developments.length === 0 ? (
              <p>{t("finalNote.developments.none")}</p>
            ) : (
              <>
                <p className="form-hint">{t("finalNote.developments.hint")}</p>
                <FieldError id="final-note-developments" />
                {developments.map((d) => (
                  <Choice
                    key={developmentKey(d)}
                    type="checkbox"
                    value={developmentKey(d)}
                    checked={considered.has(developmentKey(d))}
                    onChange={(e) => toggle(developmentKey(d), e.target.checked)}
                    label={describe(d)}
                  />
                ))}
              </>
            )}
          </fieldset>
          <div className="actions">
            <SubmitButton busy={drafting.fetching || revising.fetching}>{t("finalNote.saveDraft")}</SubmitButton>
          </div>
          <FormStatus error={drafting.error ?? revising.error} success={saved} />
        </ValidatedForm>
      )}
      {note && note.status === "DRAFT" && (
        <div className="actions">
          <button className="button button-secondary" type="button" disabled={signing.fetching} onClick={() => setConfirming("sign")}>
            {t("finalNote.sign")}
          </button>
          <FormStatus error={signing.error} />
        </div>
      )}
      {note && note.status === "SIGNED" && (
        <div className="actions">
          <button type="button" className="button button-primary" disabled={sending.fetching} onClick={() => setConfirming("send")}>
            {t("finalNote.send")}
          </button>
          <FormStatus error={sending.error} />
        </div>
      )}
      {note && confirming && (
        <ConfirmDialog
          title={t(`confirm.${confirming}Title`)}
          body={t(`confirm.${confirming}Body`)}
          yes={t(`confirm.${confirming}Yes`)}
          onNo={() => setConfirming(null)}
          onYes={async () => {
            setConfirming(null);
            const res = await (confirming === "sign" ? sign : send)({ input: { id: note.id, version: note.version } });
            if (res.data) onChanged();
          }}
        />
      )}
    </section>
  );
}
