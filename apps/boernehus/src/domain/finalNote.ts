import { MUNICIPALITY_STATEMENT_ISSUER, type Principal, verifyStatement } from "@samraad/access";
import { badInput, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { assessmentOfCase } from "../data/assessment.ts";
import { updateCourseStatus } from "../data/boernehusCase.ts";
import { inTransaction } from "../data/client.ts";
import {
  applyRecommendations,
  createFinalNote,
  finalNoteOfCase,
  recommendationsOfNote,
  replaceConsiderations,
  updateFinalNote,
} from "../data/finalNote.ts";
import { FINAL_NOTE, findFinalNote, lockCase, type Tx } from "../data/find.ts";
import type { CaseRow, FinalNoteRow, RecommendationRow } from "../data/rows.ts";
import type {
  ConsideredDevelopmentInput,
  DraftFinalNoteInput,
  FinalNoteVersionInput,
  RecommendationInput,
  RecommendationKind,
  ReviseFinalNoteDraftInput,
} from "../generated/graphql.ts";
import { type ConsiderationPlan, planConsiderations } from "./considerations.ts";
import { assertCanEnterFinalNote, assertCourseOpen, assertFullCourse } from "./course.ts";
import { assertVersion } from "./version.ts";

/**
 * The final note (afsluttende notat): DRAFT → SIGNED → SENT. Only a draft can be
 * revised: once signed, the note is what the børnehus stands by, and once sent it is
 * what the municipality decides measures on, so it is locked.
 */
export function assertCanDraft(course: CaseRow, existing: FinalNoteRow | null): void {
  assertCourseOpen(course);
  assertFullCourse(course, "final note: close it once its planning samråd was held");
  if (existing) throw invalidTransition(`The course already has a final note (${existing.status}); revise its draft instead.`);
  if (course.status !== "ACTIVE") {
    throw invalidTransition(`The course is ${course.status}: plan the samråd first; the final note concludes an active course.`);
  }
}

export function validateText(text: string): string {
  return nonEmpty(text, "text", 100_000);
}

export function assertEditable(note: FinalNoteRow): void {
  if (note.status === "SENT") throw invalidTransition("The final note was sent: a sent final note is locked and cannot be revised.");
  if (note.status === "SIGNED") {
    throw invalidTransition("The final note is signed: a signed or sent final note is locked and cannot be revised.");
  }
}

export interface RecommendationPlan {
  /** Existing recommendations to keep (their ids stay, so the municipality's responses can point at them). */
  update: Array<{ id: string; position: number; kind: RecommendationKind; description: string }>;
  create: Array<{ position: number; kind: RecommendationKind; description: string }>;
  deleteIds: string[];
}

/** The full new list of recommendations against the note's current ones. */
export function planRecommendations(inputs: RecommendationInput[], existing: RecommendationRow[] = []): RecommendationPlan {
  if (inputs.length > 50) throw badInput("recommendations lists more than 50 recommendations.", "recommendations");
  const known = new Set(existing.map((r) => r.id));
  const kept = new Set<string>();
  const plan: RecommendationPlan = { update: [], create: [], deleteIds: [] };
  inputs.forEach((input, position) => {
    const description = nonEmpty(input.description, `recommendations[${position}].description`, 5_000);
    if (input.id == null) {
      plan.create.push({ position, kind: input.kind, description });
      return;
    }
    const id = input.id.toLowerCase();
    if (!known.has(id))
      throw badInput(`recommendations[${position}].id is not a recommendation of this final note.`, `recommendations[${position}].id`);
    if (kept.has(id)) throw badInput(`recommendations[${position}].id is listed twice.`, `recommendations[${position}].id`);
    kept.add(id);
    plan.update.push({ id, position, kind: input.kind, description });
  });
  plan.deleteIds = existing.filter((r) => !kept.has(r.id)).map((r) => r.id);
  return plan;
}

export function assertCanSign(note: FinalNoteRow): void {
  if (note.status !== "DRAFT") throw invalidTransition(`Only a DRAFT final note can be signed; this one is ${note.status}.`);
}

export function assertCanSend(note: FinalNoteRow, course: CaseRow): void {
  if (note.status === "DRAFT") throw invalidTransition("The final note must be signed before it is sent.");
  if (note.status === "SENT") throw invalidTransition("The final note was already sent.");
  assertCanEnterFinalNote(course);
}

/**
 * The text is a need-to-know grant (the børnehus and the municipality). Outside the
 * børnehus it is only shown once sent: a draft is work in progress, not the børnehus's word.
 */
export function visibleText(note: FinalNoteRow, principal: Principal): string | null {
  return principal.sector === "BOERNEHUS" || note.status === "SENT" ? note.text : null;
}

// The writes: each rule above, applied to the case as the data layer locks it with the principal's access.

/**
 * The developments the note names, checked against the municipality's signed list for this case
 * and principal (docs/access-model.md, "Statements between sectors"); null input: leave as is.
 */
async function consideredDevelopments(
  tx: Tx,
  ctx: Context,
  course: CaseRow,
  inputs: readonly ConsideredDevelopmentInput[] | null | undefined,
  token: string | null | undefined,
): Promise<ConsiderationPlan[] | null> {
  if (inputs == null) return null;
  const statement =
    inputs.length === 0
      ? null
      : await verifyStatement("developments", token, {
          sub: ctx.principal.sub,
          issuer: MUNICIPALITY_STATEMENT_ISSUER,
          publicKey: ctx.statementKeys.publicKey,
          record: course.id,
        });
  return planConsiderations(inputs, statement, (await assessmentOfCase(tx, course))?.startedAt ?? null);
}

/** A note named by a change, and its case locked: a note of a case the principal may not see is not found. */
async function noteToChange(tx: Tx, ctx: Context, id: string): Promise<{ note: FinalNoteRow; course: CaseRow }> {
  const note = await findFinalNote(tx, id);
  return { note, course: await lockCase(tx, note.caseId, ctx.access, "write", FINAL_NOTE) };
}

export async function draftFinalNote(ctx: Context, input: DraftFinalNoteInput): Promise<FinalNoteRow> {
  const text = validateText(input.text);
  const plan = planRecommendations(input.recommendations);
  return inTransaction(ctx.db, async (tx) => {
    const course = await lockCase(tx, input.caseId, ctx.access);
    assertCanDraft(course, await finalNoteOfCase(tx, course));
    const considered = await consideredDevelopments(tx, ctx, course, input.consideredDevelopments, input.developmentsStatement);
    const note = await createFinalNote(tx, course, { text, draftedAt: ctx.clock.now() });
    await applyRecommendations(tx, note, plan);
    if (considered) await replaceConsiderations(tx, note, considered);
    return note;
  });
}

export async function reviseFinalNoteDraft(ctx: Context, input: ReviseFinalNoteDraftInput): Promise<FinalNoteRow> {
  const text = validateText(input.text);
  return inTransaction(ctx.db, async (tx) => {
    const { note, course } = await noteToChange(tx, ctx, input.id);
    // The lock comes first: whoever edits a sent note learns it is locked, whatever version they hold.
    assertEditable(note);
    assertVersion(FINAL_NOTE, note, input.version);
    const plan = planRecommendations(input.recommendations, await recommendationsOfNote(tx, note));
    const considered = await consideredDevelopments(tx, ctx, course, input.consideredDevelopments, input.developmentsStatement);
    await applyRecommendations(tx, note, plan);
    if (considered) await replaceConsiderations(tx, note, considered);
    return updateFinalNote(tx, note, input.version, { text });
  });
}

export async function signFinalNote(ctx: Context, input: FinalNoteVersionInput): Promise<FinalNoteRow> {
  return inTransaction(ctx.db, async (tx) => {
    const { note } = await noteToChange(tx, ctx, input.id);
    assertCanSign(note);
    assertVersion(FINAL_NOTE, note, input.version);
    return updateFinalNote(tx, note, input.version, {
      status: "SIGNED",
      signedAt: ctx.clock.now(),
      signedBySub: ctx.principal.sub,
      signedByName: ctx.principal.name,
    });
  });
}

export async function sendFinalNote(ctx: Context, input: FinalNoteVersionInput): Promise<FinalNoteRow> {
  return inTransaction(ctx.db, async (tx) => {
    const { note, course } = await noteToChange(tx, ctx, input.id);
    assertCanSend(note, course);
    assertVersion(FINAL_NOTE, note, input.version);
    const sent = await updateFinalNote(tx, note, input.version, { status: "SENT", sentAt: ctx.clock.now() });
    await updateCourseStatus(tx, course, "FINAL_NOTE");
    return sent;
  });
}
