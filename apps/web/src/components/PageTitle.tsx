import { useEffect, useRef } from "react";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * The page's h1. On every new page it becomes the document title and takes the focus,
 * so a screen reader announces where the user landed (focus management for a SPA).
 */
export function PageTitle({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${children} · ${t("app.name")}`;
    ref.current?.focus();
  }, [children, t]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
