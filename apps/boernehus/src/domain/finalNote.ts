import type { Principal } from "@samraad/access";
import { badInput, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { CaseRow, FinalNoteRow, RecommendationRow } from "../data/rows.ts";
import type { RecommendationInput, RecommendationKind } from "../generated/graphql.ts";
import { assertCanEnterFinalNote, assertCourseOpen, assertFullCourse } from "./course.ts";

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
