import { useCallback, useEffect, useRef, useState } from "react";

export const IDLE_TIMEOUT_MS = 15 * 60_000;
export const IDLE_WARNING_MS = 2 * 60_000;
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart", "scroll"] as const;

/**
 * Ends the session after `timeoutMs` without user activity, warning `warningMs` before.
 * Activity while the warning shows does not count: the user must answer it (a stray
 * mouse move must not keep an unattended screen with case data open).
 */
export function useIdleTimeout(options: { timeoutMs?: number; warningMs?: number; onTimeout(): void }) {
  const timeoutMs = options.timeoutMs ?? IDLE_TIMEOUT_MS;
  const warningMs = options.warningMs ?? IDLE_WARNING_MS;
  const lastActivity = useRef(Date.now());
  const [msLeft, setMsLeft] = useState(timeoutMs);
  const warning = msLeft <= warningMs;
  const warningRef = useRef(warning);
  warningRef.current = warning;
  const onTimeout = useRef(options.onTimeout);
  onTimeout.current = options.onTimeout;

  const stay = useCallback(() => {
    lastActivity.current = Date.now();
    setMsLeft(timeoutMs);
  }, [timeoutMs]);

  useEffect(() => {
    const onActivity = () => {
      if (!warningRef.current) lastActivity.current = Date.now();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onActivity, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      const left = timeoutMs - (Date.now() - lastActivity.current);
      if (left <= 0) {
        window.clearInterval(timer);
        onTimeout.current();
      } else setMsLeft(left);
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity, { capture: true });
    };
  }, [timeoutMs]);

  return { warning, secondsLeft: Math.max(0, Math.ceil(msLeft / 1000)), stay };
}
