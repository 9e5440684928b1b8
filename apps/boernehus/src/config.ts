import { type StatementKeys, statementKeys } from "@samraad/access";
import { type AlertSettings, alertSettings } from "@samraad/alerts";
import { env, z } from "@samraad/config";
import { ALERT_VARIABLES, refineSubgraphVariables, type SectorConfig, sectorSettings, sectorVariables } from "@samraad/subgraph-kit";

/** The børnehus subgraph's environment: parsed once at start-up (server.ts), typed from then on. */
export const boernehusEnvironment = z
  .object({
    ...sectorVariables("BOERNEHUS", 4004),
    ...ALERT_VARIABLES,
    // The børnehus issues case grants and reads the municipality's statements.
    SAMRAAD_GRANT_PRIVATE_KEY: env.required(env.privateKey, "the børnehus's case grant key (Ed25519 PKCS8 PEM)"),
    SAMRAAD_STATEMENT_PUBLIC_KEY: env.required(env.publicKeys(1), "the municipality's statement key (Ed25519 SPKI PEM)"),
    SAMRAAD_PARTICIPATION_GRACE_DAYS: env.wholeNumber({ min: 0, max: 365, fallback: 30, expects: "a number of days from 0 to 365" }),
    SAMRAAD_EMERGENCY_ACCESS_HOURS: env.wholeNumber({
      min: 1,
      max: 24,
      fallback: 4,
      expects: "a number of hours between 1 and 24",
    }),
    SAMRAAD_FINAL_NOTE_TARGET_MONTHS: env.wholeNumber({ min: 1, max: 24, fallback: 4, expects: "a number of months from 1 to 24" }),
    // Sparring (issue 23.3): the reminder after this many weeks of an open course without a consultation.
    SAMRAAD_CONSULTATION_REMINDER_WEEKS: env.wholeNumber({ min: 1, max: 26, fallback: 4, expects: "a number of weeks from 1 to 26" }),
  })
  .superRefine(refineSubgraphVariables)
  .transform(
    (vars): BoernehusConfig => ({
      ...sectorSettings(vars, "BOERNEHUS"),
      ...alertSettings(vars),
      grantPrivateKey: vars.SAMRAAD_GRANT_PRIVATE_KEY,
      statementKeys: statementKeys(vars.SAMRAAD_STATEMENT_PUBLIC_KEY[0] as string),
      access: { graceDays: vars.SAMRAAD_PARTICIPATION_GRACE_DAYS, emergencyHours: vars.SAMRAAD_EMERGENCY_ACCESS_HOURS },
      finalNoteTargetMonths: vars.SAMRAAD_FINAL_NOTE_TARGET_MONTHS,
      consultationReminderWeeks: vars.SAMRAAD_CONSULTATION_REMINDER_WEEKS,
    }),
  );

export interface BoernehusConfig extends SectorConfig, AlertSettings {
  /** The municipality's statement key: verifies the referral and the developments it signs. */
  statementKeys: StatementKeys;
  /** How long participants keep access after a course closes, and how long break-the-glass access lasts. */
  access: { graceDays: number; emergencyHours: number };
  finalNoteTargetMonths: number;
  /** Weeks an open course may go without a consultation before CONSULTATION_OVERDUE (1-26, default 4). */
  consultationReminderWeeks: number;
}
