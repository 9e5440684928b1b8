import {
  BOERNEHUS_STATEMENT_ISSUER,
  MUNICIPALITY_STATEMENT_ISSUER,
  type ReferralStatement,
  signStatement,
  verifyStatement,
} from "@samraad/access";
import { DomainError, notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { courseById, createCourse } from "../data/boernehusCase.ts";
import { inTransaction } from "../data/client.ts";
import type { CaseRow } from "../data/rows.ts";
import type { AbuseType, Region, RegisterCourseFromReferralInput } from "../generated/graphql.ts";
import { referrerAsParticipant, registrantAsParticipant } from "./caseAccess.ts";
import { validateRegistration } from "./course.ts";

/**
 * The børnehus's end of the referral hand-off (docs/access-model.md, "The referral hand-off").
 * The referral is the municipality's: its facts arrive as the municipality's signed statement
 * (Referral.registrationStatement, fetched through the gateway by the registering coordinator),
 * so nothing the course is registered from can be typed or altered by a client. The receipt
 * goes back to the municipality (recordCourseRegistered), which then shows the course as
 * registered to the referring caseworker.
 */
async function statementOf(ctx: Context, token: string): Promise<ReferralStatement> {
  const statement = await verifyStatement("referral", token, {
    sub: ctx.principal.sub,
    issuer: MUNICIPALITY_STATEMENT_ISSUER,
    publicKey: ctx.statementKeys.publicKey,
  });
  if (!statement) {
    ctx.audit.deny("Mutation", "registerCourseFromReferral", {});
    throw new DomainError(
      "STATEMENT_INVALID",
      "The municipality's statement of the referral is missing or expired: open the referral again and register from there.",
      { field: "referralStatement" },
    );
  }
  return statement;
}

export async function registerCourseFromReferral(
  ctx: Context,
  input: RegisterCourseFromReferralInput,
): Promise<{ case: CaseRow; referralId: string; receipt: string }> {
  const statement = await statementOf(ctx, input.referralStatement);
  // The statement is signed only for the børnehus it is addressed to; a principal of another
  // region holding one (it cannot) would still be refused here, as if the referral did not exist.
  if (ctx.principal.sector !== "BOERNEHUS" || ctx.principal.organisation !== statement.region) {
    ctx.audit.deny("Mutation", "registerCourseFromReferral", { caseId: statement.caseId });
    throw notFound("The referral");
  }
  const data = validateRegistration(
    {
      caseId: statement.caseId,
      region: statement.region as Region,
      municipalityCode: statement.municipalityCode,
      type: input.type,
      abuseTypes: statement.abuseTypes as AbuseType[],
      burdenLevel: input.burdenLevel,
      childAgeAtReferral: statement.childAgeAtReferral,
      referralReceivedAt: new Date(statement.referredAt),
    },
    ctx.clock.now(),
  );
  const course = await inTransaction(ctx.db, async (tx) => {
    // Registering the same referral again (a retry, or a receipt that never reached the
    // municipality) gives the same course: the case id is the referral's.
    const existing = await courseById(tx, data.id);
    if (existing) return existing;
    const registrant = registrantAsParticipant(ctx.principal, data.id);
    // The referring caseworker takes part from the start: she sees the case she referred.
    const referrer = referrerAsParticipant(statement, data.id);
    return createCourse(tx, data, referrer && referrer.sub !== registrant.sub ? [registrant, referrer] : [registrant]);
  });
  ctx.loaders.caseById.prime(course.id, course);
  const receipt = await signStatement(
    "course-registered",
    { referralId: statement.referralId, caseId: course.id },
    { sub: ctx.principal.sub, issuer: BOERNEHUS_STATEMENT_ISSUER, privateKey: ctx.grantKeys.privateKey },
  );
  return { case: course, referralId: statement.referralId, receipt };
}
