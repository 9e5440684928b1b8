import type { CombinedError } from "urql";
import { describeAll } from "../graphql/errors.ts";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * A request's outcome in words: each error in the catalogue's words for its code, naming the
 * field by its label (`labels` overrides a field's label where the form words it otherwise),
 * in DKFDS's error alert. The API's own message (developer text) is never shown.
 */
export function FormStatus({
  error,
  success,
  labels,
}: {
  error?: CombinedError | undefined;
  success?: string | null;
  labels?: Record<string, string>;
}) {
  const { language } = useI18n();
  const described = describeAll(language, error, labels);
  if (described.length > 0) {
    return (
      <div role="alert" className="alert alert-error error">
        {described.map((d) => (
          <p key={d.text} className="alert-text" data-error-field={d.field}>
            {d.text}
          </p>
        ))}
      </div>
    );
  }
  return (
    <p role="status" className="success">
      {success ?? ""}
    </p>
  );
}

/** The words for a failed load: the catalogue's, never the API's. */
export function ErrorText({ error }: { error: CombinedError | undefined }) {
  const { language } = useI18n();
  return (
    <>
      {describeAll(language, error)
        .map((d) => d.text)
        .join(" ")}
    </>
  );
}

/**
 * A list's request while it has no rows to show: loading (the first time), or why it failed,
 * in the catalogue's words (`alertClass`: how loud the page wants the failure).
 */
export function QueryStatus({
  result,
  alertClass,
}: {
  result: { fetching: boolean; data?: unknown; error?: CombinedError | undefined };
  alertClass?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {result.fetching && !result.data && <p role="status">{t("common.loading")}</p>}
      {result.error && (
        <p role="alert" className={alertClass}>
          <ErrorText error={result.error} />
        </p>
      )}
    </>
  );
}

/** A datetime-local input's value for a moment (the browser's time zone). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function fromLocalInput(value: string): string {
  return new Date(value).toISOString();
}
