import { useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { Breadcrumbs } from "../../components/Breadcrumbs.tsx";
import { FieldError, SubmitButton, TextField, ValidatedForm, VocabularySelect } from "../../components/Form.tsx";
import { ErrorText, FormStatus } from "../../components/FormStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import type { Sector } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { InviteParticipantCaseDocument, InviteParticipantDocument, RemoveParticipantDocument } from "./referralOperations.ts";

/** The roles a person of each sector takes part as (the børnehus subgraph checks the same pairs). */
const ROLES: Record<string, string[]> = {
  MUNICIPALITY: ["caseworker", "leader"],
  POLICE: ["investigator", "leader"],
  HEALTH: ["physician", "leader"],
  BOERNEHUS: ["coordinator", "psychologist", "leader"],
};

/**
 * Ends one person's part in the case, after a question: she loses the case (a caseworker the
 * municipality replaced, a physician whose part is done). The børnehus subgraph decides who may.
 */
function RemoveParticipant({
  caseId,
  participant,
  onRemoved,
}: {
  caseId: string;
  participant: { id: string; name: string };
  onRemoved(): void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [removing, remove] = useMutation(RemoveParticipantDocument);
  if (!asking)
    return (
      <button
        type="button"
        className="button button-secondary"
        onClick={() => setAsking(true)}
        aria-label={t("participants.remove", { name: participant.name })}
      >
        {t("participants.removeShort")}
      </button>
    );
  const confirm = async () => {
    const res = await remove({ input: { caseId, participantId: participant.id } });
    if (res.data) onRemoved();
  };
  return (
    <fieldset className="confirm">
      <legend>{t("participants.confirm", { name: participant.name })}</legend>
      <button type="button" className="button button-primary" disabled={removing.fetching} onClick={() => void confirm()}>
        {t("participants.confirmRemove")}
      </button>{" "}
      <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
        {t("common.cancel")}
      </button>
      {removing.error && (
        <p role="alert" className="error">
          <ErrorText error={removing.error} />
        </p>
      )}
    </fieldset>
  );
}

/**
 * The coordinator invites someone not yet on the case (e.g. the physician who could not be added
 * to a samråd), or removes someone whose part has ended. Only people of the organisations that
 * serve the case are offered, and the børnehus subgraph refuses any other; every invitation and
 * removal is audited on the case.
 */
export function InviteParticipantPage() {
  const { caseId = "" } = useParams();
  const { t, label } = useI18n();
  const [result, refetch] = useQuery({ query: InviteParticipantCaseDocument, variables: { id: caseId }, requestPolicy: "network-only" });
  const [inviting, invite] = useMutation(InviteParticipantDocument);
  const [removed, setRemoved] = useState<string | null>(null);
  const serving = result.data?.boernehusCase?.servingOrganisations ?? [];
  const [choice, setChoice] = useState(0);
  const [name, setName] = useState("");
  const [sub, setSub] = useState("");
  const [role, setRole] = useState("");
  const organisation = serving[choice];
  const roles = organisation ? (ROLES[organisation.sector] ?? []) : [];
  const chosenRole = roles.includes(role) ? role : (roles[0] ?? "");
  const submit = async () => {
    if (!organisation) return;
    const res = await invite({
      input: {
        caseId,
        sub: sub.trim(),
        name: name.trim(),
        sector: organisation.sector as Sector,
        organisation: organisation.organisation,
        role: chosenRole,
      },
    });
    if (res.data) {
      setName("");
      setSub("");
      refetch({ requestPolicy: "network-only" });
    }
  };
  const course = result.data?.boernehusCase;
  if (result.error && !course)
    return (
      <p role="alert" className="error">
        <ErrorText error={result.error} />
      </p>
    );
  if (!course) return <p>{t("common.loading")}</p>;
  const childName = course.child ? `${course.child.firstName} ${course.child.lastName}` : "";
  return (
    <section>
      <Breadcrumbs
        items={[
          { label: childName ? t("case.title", { name: childName }) : t("breadcrumbs.case"), to: `/cases/${caseId}` },
          { label: t("invite.title", { name: childName }) },
        ]}
      />
      <PageTitle>{t("invite.title", { name: childName })}</PageTitle>
      <p>{t("invite.intro")}</p>
      <h2>{t("case.participants")}</h2>
      <ul className="participants">
        {course.participants.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> · {label("Role", p.role)} · {label("Sector", p.sector)} ({p.organisation}){" "}
            <RemoveParticipant
              caseId={caseId}
              participant={p}
              onRemoved={() => {
                setRemoved(p.name);
                refetch({ requestPolicy: "network-only" });
              }}
            />
          </li>
        ))}
      </ul>
      {removed && <p role="status">{t("participants.removed", { name: removed })}</p>}
      <ValidatedForm id="invite-participant" onValid={submit} aria-labelledby="invite-form-title" className="card">
        <h2 id="invite-form-title">{t("invite.form")}</h2>
        <div className="row">
          <label className="form-group">
            <span className="form-label">{t("invite.organisation")}</span>
            <select className="form-select" value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
              {serving.map((o, i) => (
                <option key={`${o.sector}:${o.organisation}`} value={i}>
                  {label("Sector", o.sector)} · {o.organisation}
                </option>
              ))}
            </select>
          </label>
          <VocabularySelect label={t("invite.role")} of="Role" values={roles} state={[chosenRole, setRole]} />
        </div>
        <div className="row">
          <TextField id="invite-name" label={t("invite.name")} required state={[name, setName]} />
          <label className="form-group">
            <span className="form-label">
              {t("invite.sub")} <span className="form-hint">({t("invite.subHint")})</span>
            </span>
            <FieldError id="invite-sub" />
            <input
              id="invite-sub"
              className="form-input"
              required
              autoComplete="off"
              value={sub}
              onChange={(e) => setSub(e.target.value)}
            />
          </label>
        </div>
        <div className="actions">
          <SubmitButton busy={inviting.fetching}>{t("invite.submit")}</SubmitButton>
          <Link to={`/cases/${caseId}`}>{t("common.back")}</Link>
        </div>
        <FormStatus
          error={inviting.error}
          success={inviting.data ? t("invite.done", { name: inviting.data.addCaseParticipant.name }) : null}
          labels={{ organisation: t("invite.organisation"), sub: t("invite.sub"), name: t("invite.name") }}
        />
      </ValidatedForm>
    </section>
  );
}
