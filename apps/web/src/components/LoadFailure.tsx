import type { CombinedError } from "urql";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorText } from "./FormStatus.tsx";

/**
 * Why a page has nothing to show: "not found" only when the gateway said so (a case one
 * may not see is answered exactly like one that does not exist); any other failure is
 * shown as the error it is, with a way to try again.
 */
export function LoadFailure({ error, onRetry }: { error: CombinedError | undefined; onRetry(): void }) {
  const { t } = useI18n();
  const notFound = !error || error.graphQLErrors.some((e) => e.extensions?.code === "NOT_FOUND");
  if (notFound)
    return (
      <div role="alert" className="alert alert-info">
        <p className="alert-text">{t("case.notFound")}</p>
      </div>
    );
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-text">
        <ErrorText error={error} />
      </p>
      <button className="button button-secondary" type="button" onClick={onRetry}>
        {t("unavailable.retry")}
      </button>
    </div>
  );
}
