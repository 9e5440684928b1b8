import {
  MOTIVATION_BARRIERS,
  MOTIVATION_LEVELS,
  MOTIVATION_SET_POINT_OWNER,
  MOTIVATION_SET_POINTS,
  type MotivationBarrier,
  type MotivationLevel,
  type MotivationSetPoint,
} from "@samraad/access/vocabulary";
import { useState } from "react";
import { useClient, useMutation } from "urql";
import { Choice, SubmitButton, TextField, ValidatedForm, VocabularyRadios } from "../../components/Form.tsx";
import { FormStatus } from "../../components/FormStatus.tsx";
import { useIdempotencyKey } from "../../graphql/idempotency.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { CaseWriteGrantDocument } from "../case/sectorOperations.ts";
import { RecordBoernehusMotivationDocument, RecordMunicipalityMotivationDocument } from "./operations.ts";

type Sector = "BOERNEHUS" | "MUNICIPALITY";

/**
 * The owning sector records the child's and the family's motivation to accept support at its
 * set points (issue 23): the børnehus at the planning samråd and the final note, the
 * municipality at its answer and the 6-month follow-up. Recording a set point again replaces
 * its record (with the version read, so a change by someone else in between is caught).
 */
export function MotivationForm({
  caseId,
  sector,
  records,
  onDone,
}: {
  caseId: string;
  sector: Sector;
  /** The sector's records so far (null: not readable). */
  records: ReadonlyArray<{ setPoint: MotivationSetPoint; version: number }> | null | undefined;
  onDone(): void;
}) {
  const { t, label } = useI18n();
  const client = useClient();
  const setPoints = MOTIVATION_SET_POINTS.filter((p) => MOTIVATION_SET_POINT_OWNER[p] === sector);
  const [setPoint, setSetPoint] = useState<MotivationSetPoint>(setPoints[0] as MotivationSetPoint);
  const [child, setChild] = useState<MotivationLevel>("UNKNOWN");
  const [family, setFamily] = useState<MotivationLevel>("UNKNOWN");
  const [barriers, setBarriers] = useState<MotivationBarrier[]>([]);
  const [otherBarrier, setOtherBarrier] = useState("");
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const [boernehusState, recordBoernehus] = useMutation(RecordBoernehusMotivationDocument);
  const [municipalityState, recordMunicipality] = useMutation(RecordMunicipalityMotivationDocument);
  const state = sector === "BOERNEHUS" ? boernehusState : municipalityState;
  const existing = records?.find((r) => r.setPoint === setPoint);
  const id = `motivation-${sector.toLowerCase()}`;

  const submit = async () => {
    const input = {
      caseId,
      setPoint,
      childMotivation: child,
      familyMotivation: family,
      barriers,
      otherBarrier: barriers.includes("OTHER") ? otherBarrier.trim() : null,
      version: existing?.version ?? null,
    };
    let ok: boolean;
    if (sector === "BOERNEHUS") {
      ok = Boolean((await recordBoernehus({ input, idempotencyKey })).data);
    } else {
      // The grant lives 60 s: fetched now, right before the write.
      const grant = await client.query(CaseWriteGrantDocument, { id: caseId }, { requestPolicy: "network-only" }).toPromise();
      const caseGrant = grant.data?.boernehusCase?.writeGrant ?? null;
      ok = Boolean((await recordMunicipality({ input, caseGrant, idempotencyKey })).data);
    }
    if (ok) {
      renewKey();
      onDone();
    }
  };
  const toggle = (b: MotivationBarrier) => setBarriers((now) => (now.includes(b) ? now.filter((x) => x !== b) : [...now, b]));
  const levels = (name: string, value: MotivationLevel, set: (v: MotivationLevel) => void, legend: string) => (
    <fieldset>
      <legend>{legend}</legend>
      <VocabularyRadios name={`${id}-${name}`} of="MotivationLevel" values={MOTIVATION_LEVELS} state={[value, set]} />
    </fieldset>
  );
  return (
    <ValidatedForm id={id} onValid={submit} aria-labelledby={`${id}-title`} className="step-form">
      <h4 id={`${id}-title`}>{t("motivation.title")}</h4>
      <p className="form-hint">{t("motivation.hint")}</p>
      <fieldset>
        <legend>{t("motivation.setPoint")}</legend>
        <VocabularyRadios name={`${id}-set-point`} of="MotivationSetPoint" values={setPoints} state={[setPoint, setSetPoint]} />
      </fieldset>
      {existing && <p className="form-hint">{t("motivation.replaces")}</p>}
      {levels("child", child, setChild, t("motivation.child"))}
      {levels("family", family, setFamily, t("motivation.family"))}
      <fieldset>
        <legend>{t("motivation.barriers")}</legend>
        <span className="form-hint">{t("motivation.barriersHint")}</span>
        {MOTIVATION_BARRIERS.map((b) => (
          <Choice
            key={b}
            type="checkbox"
            name={`${id}-barrier`}
            value={b}
            checked={barriers.includes(b)}
            onChange={() => toggle(b)}
            label={label("MotivationBarrier", b)}
          />
        ))}
      </fieldset>
      {barriers.includes("OTHER") && (
        <TextField
          id={`${id}-other`}
          label={t("motivation.otherBarrier")}
          required
          maxLength={200}
          state={[otherBarrier, setOtherBarrier]}
        />
      )}
      <SubmitButton busy={state.fetching}>{t("motivation.submit")}</SubmitButton>
      <FormStatus
        error={state.error}
        success={state.data ? t("motivation.done") : null}
        labels={{
          setPoint: t("motivation.setPoint"),
          barriers: t("motivation.barriers"),
          otherBarrier: t("motivation.otherBarrier"),
        }}
      />
    </ValidatedForm>
  );
}
