import { useState } from "react";

/**
 * The idempotency key of a form's write: the same key for every retry of one attempt (a resend
 * after a lost answer is applied once), and a new one (`renew`) once the write went through and
 * the form is used for the next record.
 */
export function useIdempotencyKey(): [key: string, renew: () => void] {
  const [key, setKey] = useState(() => crypto.randomUUID());
  return [key, () => setKey(crypto.randomUUID())];
}
