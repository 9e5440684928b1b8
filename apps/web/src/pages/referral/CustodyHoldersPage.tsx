import { useState } from "react";
import { useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { Breadcrumbs } from "../../components/Breadcrumbs.tsx";
import { Choice, SubmitButton, TextField, ValidatedForm, VocabularySelect } from "../../components/Form.tsx";
import { ErrorText, FormStatus } from "../../components/FormStatus.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { Table } from "../../components/Table.tsx";
import type { CustodyRelation } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { AddCustodyHolderDocument, CustodyHoldersDocument, RecordVideoInterviewObjectionDocument } from "./referralOperations.ts";

const RELATIONS: CustodyRelation[] = ["MOTHER", "FATHER", "OTHER"];

/**
 * The municipality's caseworker records who holds custody of the child, and each holder's
 * objection to a video interview. The objection is what the police's booking must respect
 * (the municipality signs it for them); names and relations stay in the municipality.
 */
export function CustodyHoldersPage() {
  const { childId = "" } = useParams();
  const { t, label } = useI18n();
  const [result, refetch] = useQuery({ query: CustodyHoldersDocument, variables: { id: childId }, requestPolicy: "cache-and-network" });
  const [adding, add] = useMutation(AddCustodyHolderDocument);
  const [recording, record] = useMutation(RecordVideoInterviewObjectionDocument);
  const [name, setName] = useState("");
  const [relation, setRelation] = useState<CustodyRelation>("MOTHER");
  const [objects, setObjects] = useState(false);
  const child = result.data?.child;
  const submit = async () => {
    const res = await add({ input: { childId, name, relation, objectsToVideoInterview: objects } });
    if (res.data) {
      setName("");
      setObjects(false);
      refetch({ requestPolicy: "network-only" });
    }
  };
  if (result.error && !child)
    return (
      <p role="alert" className="error">
        <ErrorText error={result.error} />
      </p>
    );
  if (!child) return <p>{t("common.loading")}</p>;
  const fullName = `${child.firstName} ${child.lastName}`;
  return (
    <section>
      <Breadcrumbs items={[{ label: t("custody.title", { name: fullName }) }]} />
      <PageTitle>{t("custody.title", { name: fullName })}</PageTitle>
      <p>{t("custody.intro")}</p>
      <p data-objection={child.videoInterviewObjection ? "yes" : "no"}>
        <strong>{child.videoInterviewObjection ? t("custody.objectionSummary.yes") : t("custody.objectionSummary.no")}</strong>
      </p>
      {child.custodyHolders.length === 0 ? (
        <p>{t("custody.empty")}</p>
      ) : (
        <Table columns={[t("custody.name"), t("custody.relation"), t("custody.objection"), t("referral.col.actions")]}>
          {child.custodyHolders.map((h) => (
            <tr key={h.id} data-custody-holder={h.id}>
              <td>{h.name}</td>
              <td>{label("CustodyRelation", h.relation)}</td>
              <td>{h.objectsToVideoInterview ? t("common.yes") : t("common.no")}</td>
              <td>
                <button
                  className="button button-secondary"
                  type="button"
                  disabled={recording.fetching}
                  onClick={async () => {
                    const res = await record({ input: { custodyHolderId: h.id, objects: !h.objectsToVideoInterview } });
                    if (res.data) refetch({ requestPolicy: "network-only" });
                  }}
                >
                  {h.objectsToVideoInterview
                    ? t("custody.withdrawObjection", { name: h.name })
                    : t("custody.recordObjection", { name: h.name })}
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <FormStatus error={recording.error} success={recording.data ? t("custody.saved") : null} />
      <ValidatedForm id="add-custody-holder" onValid={submit} aria-labelledby="add-custody-holder-title">
        <h2 id="add-custody-holder-title">{t("custody.add")}</h2>
        <div className="row">
          <TextField id="custody-name" label={t("custody.name")} required state={[name, setName]} />
          <VocabularySelect label={t("custody.relation")} of="CustodyRelation" values={RELATIONS} state={[relation, setRelation]} />
        </div>
        <Choice type="checkbox" checked={objects} onChange={(e) => setObjects(e.target.checked)} label={t("custody.objects")} />
        <SubmitButton busy={adding.fetching}>{t("custody.add")}</SubmitButton>
        <FormStatus error={adding.error} success={adding.data ? t("custody.added") : null} />
      </ValidatedForm>
    </section>
  );
}
