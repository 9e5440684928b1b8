import type { CombinedError } from "urql";
import { formatDateTime } from "../i18n/format.ts";
import { CATALOGUES, type Language, type MessageKey, type MessageVars, translate, translatePlural } from "../i18n/messages.ts";

/** A field the gateway refused (code UNAUTHORIZED), with the reason it gives in Danish and English. */
export interface Restriction {
  coordinate: string;
  classification: string;
  reason: string;
  reasonEn: string;
}

export type SectorName = "MUNICIPALITY" | "POLICE" | "HEALTH" | "BOERNEHUS";

/** The case fields each sector's subgraph adds: an error under one of them means that sector. */
const SECTOR_FIELDS: Record<string, SectorName> = {
  child: "MUNICIPALITY",
  referral: "MUNICIPALITY",
  childAssessment: "MUNICIPALITY",
  caseworker: "MUNICIPALITY",
  caseworkerHistory: "MUNICIPALITY",
  measures: "MUNICIPALITY",
  recommendationResponses: "MUNICIPALITY",
  municipalityClocks: "MUNICIPALITY",
  policeClocks: "POLICE",
  policeReport: "POLICE",
  medicalExaminations: "HEALTH",
  onwardReferrals: "HEALTH",
};
const SUBGRAPH_SECTOR: Record<string, SectorName> = {
  municipality: "MUNICIPALITY",
  police: "POLICE",
  health: "HEALTH",
  boernehus: "BOERNEHUS",
};

export interface ErrorPicture {
  /** Refused fields by schema coordinate (Type.field): a refusal holds for every row of the answer. */
  restrictions: Map<string, Restriction>;
  /** Sectors whose subgraph did not answer. */
  unavailable: Set<SectorName>;
  /** Anything else: shown as an error, in the catalogue's words. */
  other: ErrorLike[];
}

function sectorOf(error: { path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }): SectorName | null {
  const ext = error.extensions ?? {};
  for (const key of ["subgraph", "subgraphName", "serviceName"]) {
    const name = ext[key];
    if (typeof name === "string" && SUBGRAPH_SECTOR[name.toLowerCase()]) return SUBGRAPH_SECTOR[name.toLowerCase()] as SectorName;
  }
  const field = error.path?.find((p) => typeof p === "string" && SECTOR_FIELDS[p]);
  return typeof field === "string" ? (SECTOR_FIELDS[field] ?? null) : null;
}

/** Sorts a result's GraphQL errors into refused fields, unavailable sectors and the rest. */
export function pictureOf(error: CombinedError | undefined): ErrorPicture {
  const picture: ErrorPicture = { restrictions: new Map(), unavailable: new Set(), other: [] };
  if (!error) return picture;
  if (error.networkError) picture.other.push({ message: error.networkError.message, extensions: { code: "network" } });
  for (const e of error.graphQLErrors) {
    const ext = (e.extensions ?? {}) as Record<string, unknown>;
    if (ext.code === "UNAUTHORIZED" && typeof ext.coordinate === "string") {
      picture.restrictions.set(ext.coordinate, {
        coordinate: ext.coordinate,
        classification: String(ext.classification ?? ""),
        reason: String(ext.reason ?? ""),
        reasonEn: String(ext.reasonEn ?? ""),
      });
      continue;
    }
    const sector = e.path && e.path.length > 1 ? sectorOf(e) : null;
    if (sector) picture.unavailable.add(sector);
    else picture.other.push(e);
  }
  return picture;
}

export interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

/** A message from the catalogue, with its placeholders. */
export interface Described {
  key: MessageKey;
  vars: MessageVars;
  /** The input the error is about (extensions.field), for a link to it. */
  field?: string;
}

/**
 * The label of each input field the API can name in `extensions.field`: the same catalogue
 * key as the form's own label, so a person reads the word they see on the screen.
 */
export const FIELD_LABELS: Record<string, MessageKey> = {
  dueAt: "meeting.itemDue",
  title: "meeting.itemTitle",
  owningSector: "meeting.itemSector",
  heldAt: "meeting.heldAt",
  minutes: "meeting.minutes",
  decisions: "meeting.decisions",
  decision: "meeting.decision",
  agenda: "meeting.agenda",
  location: "meeting.location",
  participants: "meeting.participants",
  text: "finalNote.text",
  recommendations: "finalNote.recommendations",
  description: "finalNote.recommendations",
  reason: "restrictedCases.reason",
  performedAt: "health.performedAt",
  findingsSummary: "health.findings",
  clinicalDetails: "health.clinical",
  unit: "health.unit",
  interviewerName: "police.bookInterviewer",
  custodyConsent: "police.bookConsent",
  journalNumber: "police.journal",
  district: "police.district",
  observers: "police.observers",
  declineReason: "finalNote.answerDeclineReason",
  note: "finalNote.answerNote",
  measureId: "finalNote.answerMeasure",
  otherSupport: "finalNote.answerOtherSupport",
  otherSupportKind: "finalNote.answerOtherSupportKind",
  consideredDevelopments: "finalNote.developments.field",
  developmentsStatement: "finalNote.developments.field",
  response: "finalNote.answerKind",
  decidedAt: "field.decidedAt",
  objectionOverride: "police.objection.reason",
  custodyStatement: "police.objection.legend",
  referralStatement: "referral.incoming.register",
  name: "custody.name",
  cpr: "steps.dpo.cpr", // "Barnets CPR-nummer": the child's, in the referral and the DPO's search alike
  firstName: "referral.child.firstName",
  lastName: "referral.child.lastName",
  birthDate: "referral.child.birthDate",
  referredAt: "referral.referredAt",
  abuseTypes: "referral.abuseTypes",
  childAssessmentDecided: "referral.criteria.bfu",
  organisation: "invite.organisation",
  sub: "invite.sub",
  startedAt: "field.startedAt",
  counsellorName: "steps.crisis.counsellor",
  notes: "steps.crisis.notes",
  recipient: "steps.crisis.recipient",
  outcome: "steps.review.outcome",
  caseworkerSub: "continuity.reassign.sub",
  caseworkerName: "continuity.reassign.name",
  totalCaseload: "caseload.total",
};
/** Fields whose label depends on the form: a samråd's time, an examination's, an interview's. */
const SCHEDULED_AT: MessageKey = "meeting.scheduledAt";

/** The field an error names, reduced to its input name: `recommendations[2].id` → `recommendations`. */
function fieldName(field: unknown): string | null {
  if (typeof field !== "string" || !field) return null;
  return field.replace(/\[\d+\].*$/, "").split(".")[0] ?? null;
}

/** The label a person sees for a field the API named, in their language. */
export function fieldLabel(language: Language, field: string | null, overrides: Record<string, string> = {}): string {
  if (field && overrides[field]) return overrides[field] as string;
  if (field === "scheduledAt") return translate(language, SCHEDULED_AT);
  const key = field ? FIELD_LABELS[field] : undefined;
  return key ? translate(language, key) : translate(language, "error.field.unknown");
}

/**
 * What an error means for the person who met it: a catalogue key per code, the field named
 * by its label, and dates written the Danish way. The API's own message is developer text
 * (English, field names, ISO timestamps) and is never shown; at most its shape is read to
 * pick the more precise message.
 */
export function describeError(language: Language, error: ErrorLike, labels: Record<string, string> = {}): { text: string; field?: string } {
  const d = describe(error);
  const vars: MessageVars = { ...d.vars };
  if ("label" in vars) vars.label = fieldLabel(language, d.field ?? null, labels);
  if (typeof vars.date === "string") vars.date = formatDateTime(language, vars.date);
  if (typeof vars.seconds === "number") vars.wait = translatePlural(language, "common.seconds", vars.seconds);
  const text = translate(language, d.key, vars);
  return d.field ? { text, field: d.field } : { text };
}

function known(key: string): key is MessageKey {
  return key in CATALOGUES.da;
}

export function describe(error: ErrorLike): Described {
  const ext = error.extensions ?? {};
  const code = typeof ext.code === "string" ? ext.code : "generic";
  const message = error.message ?? "";
  const field = fieldName(ext.field);
  // A field the catalogue has no label for: the general message rather than "one of the fields" in quotes.
  if (code === "BAD_USER_INPUT" && field && !FIELD_LABELS[field] && field !== "scheduledAt")
    return { key: "error.BAD_USER_INPUT", vars: {}, field };
  const withField = (key: MessageKey, vars: MessageVars = {}): Described =>
    field ? { key, vars: { label: "", ...vars }, field } : { key, vars: { label: "", ...vars } };
  switch (code) {
    case "BAD_USER_INPUT": {
      if (!field) return { key: "error.BAD_USER_INPUT", vars: {} };
      if (/cannot be in the future/.test(message)) return withField("error.reason.future");
      const before = message.match(/cannot be before .*?\((\d{4}-\d{2}-\d{2}T[\d:.]+Z)\)/);
      if (before?.[1]) return withField("error.reason.before", { date: before[1] });
      if (/cannot be empty|needs at least one|must name at least one/.test(message)) return withField("error.reason.required");
      const short = message.match(/at least (\d+) characters/);
      if (short?.[1]) return withField("error.reason.tooShort", { min: short[1] });
      const long = message.match(/longer than (\d+) characters/);
      if (long?.[1]) return withField("error.reason.tooLong", { max: long[1] });
      if (/twice/.test(message)) return withField("error.reason.duplicate");
      if (/must be an ISO 8601 date-time/.test(message)) return withField("error.reason.date");
      return withField("error.BAD_USER_INPUT.field");
    }
    case "FORBIDDEN":
      if (/Emergency access is read-only/i.test(message)) return { key: "error.FORBIDDEN.emergency", vars: {} };
      if (/changes a case's caseworker/i.test(message)) return { key: "error.FORBIDDEN.reassign", vars: {} };
      if (/caseworkers' caseloads/i.test(message)) return { key: "error.FORBIDDEN.caseload", vars: {} };
      if (/record its consultations/i.test(message)) return { key: "error.FORBIDDEN.consultation", vars: {} };
      if (/you act for|belongs to municipality|Only (the police district|municipality)/i.test(message))
        return { key: "error.FORBIDDEN.organisation", vars: {} };
      return { key: "error.FORBIDDEN", vars: {} };
    case "CONFLICT":
      if (/only participant in the case/i.test(message)) return { key: "error.CONFLICT.lastBoernehus", vars: {} };
      return { key: "error.CONFLICT", vars: {} };
    case "INTERNAL_SERVER_ERROR":
      return typeof ext.reference === "string"
        ? { key: "error.INTERNAL_SERVER_ERROR", vars: { reference: ext.reference } }
        : { key: "error.INTERNAL_SERVER_ERROR.noReference", vars: {} };
    case "RATE_LIMITED":
      return { key: "error.RATE_LIMITED", vars: { seconds: Number(ext.retryAfterSeconds ?? 60) } };
    default: {
      const key = `error.${code}`;
      return known(key) ? { key, vars: {} } : { key: "error.generic", vars: {} };
    }
  }
}

/** Every error of a failed request, each described once (the same message twice is shown once). */
export function describeAll(language: Language, error: CombinedError | undefined, labels: Record<string, string> = {}) {
  if (!error) return [];
  const errors: ErrorLike[] = error.graphQLErrors.length
    ? error.graphQLErrors.map((e) => ({ message: e.message, extensions: e.extensions as Record<string, unknown> }))
    : [{ message: error.networkError?.message ?? error.message, extensions: { code: "network" } }];
  const seen = new Set<string>();
  const out: Array<{ text: string; field?: string }> = [];
  for (const e of errors) {
    const d = describeError(language, e, labels);
    if (seen.has(d.text)) continue;
    seen.add(d.text);
    out.push(d);
  }
  return out;
}
