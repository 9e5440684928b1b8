import { createContext, type ReactNode, useContext } from "react";
import type { ErrorPicture, Restriction } from "../graphql/errors.ts";
import { useI18n } from "../i18n/i18n.tsx";

const PictureContext = createContext<ErrorPicture | null>(null);

/** Makes a query's refused fields known to the fields below (see Field). */
export function ErrorPictureProvider({ picture, children }: { picture: ErrorPicture; children: ReactNode }) {
  return <PictureContext.Provider value={picture}>{children}</PictureContext.Provider>;
}

export function useRestriction(coordinate: string): Restriction | undefined {
  return useContext(PictureContext)?.restrictions.get(coordinate);
}

/** The lock mark and its words: what restricted looks like everywhere. */
export function RestrictedMark({ coordinate, children }: { coordinate?: string; children: string }) {
  return (
    <span className="restricted" data-coordinate={coordinate}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" focusable="false">
        <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z" fill="currentColor" />
      </svg>
      {children}
    </span>
  );
}

/** A refused field: never an ambiguous blank, always the reason the gateway gave. */
export function RestrictedValue({ restriction }: { restriction: Restriction }) {
  const { t, language } = useI18n();
  const reason = language === "da" ? restriction.reason : restriction.reasonEn || restriction.reason;
  return <RestrictedMark coordinate={restriction.coordinate}>{t("restricted.withReason", { reason })}</RestrictedMark>;
}

/** A field's value, or why it is restricted, or "not recorded" when it simply has no value. */
export function Field({ coordinate, children }: { coordinate: string; children?: ReactNode }) {
  const restriction = useRestriction(coordinate);
  const { t } = useI18n();
  if (restriction) return <RestrictedValue restriction={restriction} />;
  if (children === null || children === undefined || children === "") return <span className="muted">{t("common.notRecorded")}</span>;
  return <>{children}</>;
}

export interface Fact {
  label: string;
  value: ReactNode;
  /** Type.field, so a refusal shows as restricted with its reason. */
  coordinate?: string;
}

export function Facts({ facts }: { facts: Fact[] }) {
  return (
    <dl className="facts">
      {facts.map((fact) => (
        <div key={fact.label} className="fact">
          <dt>{fact.label}</dt>
          <dd>{fact.coordinate ? <Field coordinate={fact.coordinate}>{fact.value}</Field> : fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
