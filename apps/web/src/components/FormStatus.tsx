import type { CombinedError } from "urql";
import { mutationError } from "../graphql/errors.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/messages.ts";

const KNOWN_CODES = new Set(["UNAUTHORIZED", "NOT_FOUND", "BAD_USER_INPUT", "CONFLICT", "INVALID_TRANSITION", "FORBIDDEN"]);

/** A mutation's outcome in words: the catalogue's text for the error code, with the gateway's message. */
export function FormStatus({ error, success }: { error?: CombinedError | undefined; success?: string | null }) {
  const { t } = useI18n();
  const failure = mutationError(error);
  if (failure) {
    const key = (KNOWN_CODES.has(failure.code) ? `error.${failure.code}` : "error.generic") as MessageKey;
    return (
      <p role="alert" className="error">
        {t(key, { message: failure.message })}
      </p>
    );
  }
  return (
    <p role="status" className="success">
      {success ?? ""}
    </p>
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
