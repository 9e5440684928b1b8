import { useState } from "react";
import { useMutation } from "urql";
import { useUser } from "../../auth/session.tsx";
import { DateTimeInput, TextField, ValidatedForm, VocabularySelect } from "../../components/Form.tsx";
import { FormStatus, fromLocalInput, toLocalInput } from "../../components/FormStatus.tsx";
import { Table } from "../../components/Table.tsx";
import { graphql } from "../../generated/gql.ts";
import type { ActionItemFieldsFragment, ActionItemStatus, Sector } from "../../generated/graphql.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { AddActionItemDocument, UpdateActionItemStatusDocument } from "./meetingOperations.ts";

/** An action item as the meeting and the case page list it. */
export const ActionItemFieldsFragmentDoc = graphql(`
  fragment ActionItemFields on ActionItem { id meetingId title owningSector dueAt status completedAt version }
`);

type Item = ActionItemFieldsFragment;
const STATUSES: ActionItemStatus[] = ["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"];
export const SAMRAAD_SECTORS: Sector[] = ["MUNICIPALITY", "POLICE", "HEALTH", "BOERNEHUS"];

/** Who may change an item's status: its owning sector, and the børnehus that runs the samråd. */
export function canUpdateItem(userSector: string, item: { owningSector: string }): boolean {
  return userSector === item.owningSector || userSector === "BOERNEHUS";
}

function ItemRow({ item, onChanged }: { item: Item; onChanged(): void }) {
  const { t, label, date } = useI18n();
  const user = useUser();
  const [updating, update] = useMutation(UpdateActionItemStatusDocument);
  // A write from a stale page (someone else changed the item since): CONFLICT, the page
  // refetches, and the row says what the status is now (src/live/messages.ts).
  // The version the refused write named: the message shows once the refetched item is newer.
  const [staleFrom, setStaleFrom] = useState<number | null>(null);
  const stale = staleFrom !== null && item.version > staleFrom;
  const mayUpdate = canUpdateItem(user.sector, item);
  const choose = async (status: ActionItemStatus) => {
    setStaleFrom(null);
    const seen = item.version;
    const res = await update({ input: { id: item.id, status, version: seen } });
    if (res.error?.graphQLErrors.some((e) => e.extensions?.code === "CONFLICT")) {
      setStaleFrom(seen);
      onChanged();
    }
  };
  return (
    <tr data-action-item={item.id}>
      <th scope="row">{item.title}</th>
      <td>{label("Sector", item.owningSector)}</td>
      <td>{date(item.dueAt)}</td>
      <td>
        {mayUpdate ? (
          <>
            <select
              className="form-select"
              aria-label={t("meeting.itemStatus", { title: item.title })}
              value={item.status}
              disabled={updating.fetching}
              onChange={(e) => void choose(e.target.value as ActionItemStatus)}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {label("ActionItemStatus", s)}
                </option>
              ))}
            </select>
            {stale ? (
              <div role="alert" className="alert alert-warning" data-stale-item={item.id}>
                <p className="alert-text">{t("live.staleItem", { title: item.title, status: label("ActionItemStatus", item.status) })}</p>
              </div>
            ) : staleFrom === null ? (
              <FormStatus error={updating.error} />
            ) : null}
          </>
        ) : (
          <>
            {label("ActionItemStatus", item.status)}
            <div className="muted small no-print">{t("meeting.itemNotYoursBoth", { sector: label("Sector", item.owningSector) })}</div>
          </>
        )}
      </td>
    </tr>
  );
}

function AddItemForm({ meetingId, onAdded }: { meetingId: string; onAdded(): void }) {
  const { t } = useI18n();
  const user = useUser();
  const [adding, add] = useMutation(AddActionItemDocument);
  const [title, setTitle] = useState("");
  const [sector, setSector] = useState<Sector>((SAMRAAD_SECTORS as string[]).includes(user.sector) ? (user.sector as Sector) : "BOERNEHUS");
  const [due, setDue] = useState(toLocalInput(new Date(Date.now() + 7 * 86_400_000)));
  const [added, setAdded] = useState<string | null>(null);
  const submit = async () => {
    const res = await add({ input: { meetingId, title, owningSector: sector, dueAt: fromLocalInput(due) } });
    if (res.data) {
      setTitle("");
      setAdded(t("common.saved"));
      onAdded();
    }
  };
  return (
    <ValidatedForm id="add-item" onValid={submit} aria-labelledby="add-item-title">
      <h3 id="add-item-title">{t("meeting.addActionItem")}</h3>
      <div className="row">
        <TextField id="add-item-title-input" label={t("meeting.itemTitle")} required state={[title, setTitle]} />
        <VocabularySelect label={t("meeting.itemSector")} of="Sector" values={SAMRAAD_SECTORS} state={[sector, setSector]} />
        <DateTimeInput id="add-item-due" label={t("meeting.itemDue")} required value={due} onChange={setDue} />
      </div>
      <button className="button button-secondary" type="submit" disabled={adding.fetching}>
        {t("meeting.addActionItem")}
      </button>
      <FormStatus error={adding.error} success={added} />
    </ValidatedForm>
  );
}

export function ActionItems(props: { meetingId: string; items: Item[]; open: boolean; onChanged(): void }) {
  const { meetingId, items, open } = props;
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="items-title">
      <h2 id="items-title">{t("meeting.actionItems")}</h2>
      {items.length === 0 ? (
        <p>{t("case.noActionItems")}</p>
      ) : (
        <Table wrap={false} columns={[t("meeting.itemTitle"), t("meeting.itemSector"), t("meeting.itemDue"), t("cases.col.status")]}>
          {items.map((item) => (
            <ItemRow key={item.id} item={item} onChanged={props.onChanged} />
          ))}
        </Table>
      )}
      {open && <AddItemForm meetingId={meetingId} onAdded={props.onChanged} />}
    </section>
  );
}
