import { type CustodyStatement, MUNICIPALITY_STATEMENT_ISSUER, verifyStatement } from "@samraad/access";
import { assertNotInFuture, assertOrdered, badInput, conflict, DomainError, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { interviewOrNotFound, reportOrNotFound } from "../data/find.ts";
import type { VideoInterviewRow } from "../data/rows.ts";
import { createInterview, markInterviewCancelled, markInterviewHeld } from "../data/videoInterview.ts";
import type {
  BookVideoInterviewInput,
  CancelVideoInterviewInput,
  ObjectionOverrideBasis,
  RecordVideoInterviewHeldInput,
} from "../generated/graphql.ts";

/**
 * Rules for the police video interview (videoafhøring) of the child.
 * The interview should be held within a week of the police report (indicator in
 * docs/indicators.md); a custody holder's objection blocks it unless it does not bind.
 */
export const MIN_OVERRIDE_REASON = 20;

export type ObjectionOverride = { legalBasis: ObjectionOverrideBasis; reason: string };

/**
 * `objection` is the municipality's signed word (the custody statement), never the client's.
 * With an objection the interview is booked only when it is overridden with its legal basis and
 * a reason; the override is returned to be recorded. Without one, an override is not recorded.
 */
export function assertBookable(input: {
  reportedAt: Date;
  scheduledAt: Date;
  objection: boolean;
  override: { legalBasis: ObjectionOverrideBasis; reason: string } | null | undefined;
}): ObjectionOverride | null {
  let override: ObjectionOverride | null = null;
  if (input.objection) {
    if (!input.override) {
      throw new DomainError(
        "CUSTODY_OBJECTION",
        "A custody holder objects to the video interview. It can only be booked if the objection is overridden: give its legal basis and a reason (objectionOverride).",
        { field: "objectionOverride" },
      );
    }
    const reason = nonEmpty(input.override.reason, "objectionOverride.reason", 2000);
    if (reason.length < MIN_OVERRIDE_REASON) {
      throw badInput(
        `Give a reason of at least ${MIN_OVERRIDE_REASON} characters for overriding the objection.`,
        "objectionOverride.reason",
      );
    }
    override = { legalBasis: input.override.legalBasis, reason };
  }
  assertOrdered({ name: "reportedAt", value: input.reportedAt }, { name: "scheduledAt", value: input.scheduledAt });
  return override;
}

export function assertVersion(row: VideoInterviewRow, version: number): void {
  if (row.version !== version) {
    throw conflict(
      `The video interview was changed by someone else (version ${row.version}, you sent ${version}). Reload it and try again.`,
    );
  }
}

export function assertCanRecordHeld(row: VideoInterviewRow, heldAt: Date, observers: string[], now: Date): void {
  if (row.status !== "BOOKED") throw invalidTransition(`Only a BOOKED interview can be recorded as held; this one is ${row.status}.`);
  assertNotInFuture(heldAt, "heldAt", now);
  if (new Set(observers).size !== observers.length) throw badInput("observers lists a sector twice.", "observers");
}

export function assertCanCancel(row: VideoInterviewRow, reason: string): string {
  if (row.status !== "BOOKED") throw invalidTransition(`Only a BOOKED interview can be cancelled; this one is ${row.status}.`);
  return nonEmpty(reason, "reason", 2000);
}

// The writes: each rule above, applied to the record as the data layer finds it with the principal's access.

export function bookInterview(ctx: Context, input: BookVideoInterviewInput): Promise<VideoInterviewRow> {
  return inTransaction(ctx.db, async (tx) => {
    const report = await reportOrNotFound(tx, ctx, input.policeReportId);
    const custody = await custodyOf(ctx, input.custodyStatement, report.caseId);
    const override = assertBookable({
      reportedAt: report.reportedAt,
      scheduledAt: input.scheduledAt,
      objection: custody.objection,
      override: input.objectionOverride,
    });
    // An override is a decision against a parent's objection: audited on the case as such.
    if (override) ctx.audit.touch("VideoInterview", "objectionOverride", { caseId: report.caseId });
    return createInterview(tx, report, {
      scheduledAt: input.scheduledAt,
      interviewerName: input.interviewerName ?? null,
      custodyObjection: custody.objection,
      objectionOverrideBasis: override?.legalBasis ?? null,
      objectionOverrideReason: override?.reason ?? null,
      objectionOverriddenBy: override ? ctx.principal.name : null,
    });
  });
}

export function recordInterviewHeld(ctx: Context, input: RecordVideoInterviewHeldInput): Promise<VideoInterviewRow> {
  return inTransaction(ctx.db, async (tx) => {
    const interview = await interviewOrNotFound(tx, ctx, input.interviewId);
    assertVersion(interview, input.version);
    assertCanRecordHeld(interview, input.heldAt, input.observers, ctx.clock.now());
    return markInterviewHeld(tx, interview, input.version, { heldAt: input.heldAt, observers: input.observers });
  });
}

export function cancelInterview(ctx: Context, input: CancelVideoInterviewInput): Promise<VideoInterviewRow> {
  return inTransaction(ctx.db, async (tx) => {
    const interview = await interviewOrNotFound(tx, ctx, input.interviewId);
    assertVersion(interview, input.version);
    return markInterviewCancelled(tx, interview, input.version, assertCanCancel(interview, input.reason));
  });
}

/**
 * Whether a custody holder objects is the municipality's record, which the police cannot read:
 * it comes as the municipality's signed statement for this principal and this case
 * (BoernehusCase.custodyStatement, through the gateway), never as the client's word.
 */
async function custodyOf(ctx: Context, token: string | null | undefined, caseId: string): Promise<CustodyStatement> {
  const statement = await verifyStatement("custody", token, {
    sub: ctx.principal.sub,
    issuer: MUNICIPALITY_STATEMENT_ISSUER,
    publicKey: ctx.statementKeys.publicKey,
    record: caseId,
  });
  if (statement) return statement;
  ctx.audit.deny("VideoInterview", "custodyStatement", { caseId });
  throw new DomainError(
    "STATEMENT_INVALID",
    "The municipality's statement on custody is missing, expired or for another case: open the case again and book from there.",
    { field: "custodyStatement" },
  );
}
