import { type CaseGrant, emergencyPurpose, type GrantKeys, verifyCaseGrant } from "@samraad/access";
import DataLoader from "dataloader";
import type { BaseContext } from "./context.ts";
import { DomainError, notFound } from "./errors.ts";

type GrantRef = { id?: string; accessGrant?: string | null };
type GrantRequest = { ref: GrantRef; caseId: string | undefined };

/**
 * Grants are verified per request and in batches. Verifying a signature is
 * asynchronous: if each case awaited its own, the loads that follow would reach their
 * DataLoaders at different ticks and cost one SQL statement per case again. Verifying
 * all the cases of one query-plan step together keeps every refusal first and every
 * load in one batch; a case's grant is verified once per request.
 */
const perRequest = new WeakMap<BaseContext, GrantChecks>();

/**
 * A request's grant checks: the loader, and each representation's check by the object the
 * request parsed it into.
 */
interface GrantChecks {
  loader: DataLoader<GrantRequest, CaseGrant, string>;
  byRef: WeakMap<GrantRef, Promise<CaseGrant>>;
}

function checksOf(ctx: BaseContext): GrantChecks {
  let checks = perRequest.get(ctx);
  if (!checks) {
    checks = {
      loader: new DataLoader((requests) => Promise.all(requests.map((r) => verifyOne(ctx, r))), {
        cacheKeyFn: (r) => `${r.caseId ?? ""}\n${r.ref.accessGrant ?? ""}`,
      }),
      byRef: new WeakMap(),
    };
    perRequest.set(ctx, checks);
  }
  return checks;
}

async function verifyOne(ctx: BaseContext, { ref, caseId }: GrantRequest): Promise<CaseGrant | Error> {
  const grant = await verifyCaseGrant(ref.accessGrant, { caseId, principal: ctx.principal, keys: ctx.grantKeys });
  if (grant) {
    markEmergency(ctx, grant);
    return grant;
  }
  ctx.audit.deny("BoernehusCase", "accessGrant", { caseId });
  return new DomainError("FORBIDDEN", "No access to this case: it must be reached through a case you may see.");
}

/** A case the børnehus granted on emergency access is recorded as an emergency read, with its reason. */
export function markEmergency(ctx: BaseContext, grant: CaseGrant): void {
  if (grant.basis === "EMERGENCY") ctx.audit.emergency(grant.caseId, emergencyPurpose(grant.reason));
}

/**
 * For the sector subgraphs' fields on the hub (`BoernehusCase.policeReport`, ...): the
 * entity representation must carry a case grant from the børnehus subgraph
 * (`@requires(fields: "accessGrant")`) for this principal and this case. Without one the
 * field is refused: only a request that did not come through the gateway's plan lacks it.
 * `caseId` overrides the case to check (e.g. a recommendation's, known from its row).
 */
export function requireCaseGrant(ctx: BaseContext, ref: GrantRef, options: { caseId?: string } = {}): Promise<CaseGrant> {
  const caseId = options.caseId ?? ref.id;
  const { loader, byRef } = checksOf(ctx);
  // A representation's fields ask for the same grant one after another (the municipality's
  // child, referral and caseworker): the answer is kept on the representation itself, so only
  // the first builds the loader's key (the case id and the 150-character grant) and queues.
  const sameCase = caseId === ref.id;
  const checked = sameCase ? byRef.get(ref) : undefined;
  if (checked) return checked;
  const grant = loader.load({ ref, caseId });
  if (sameCase) byRef.set(ref, grant);
  return grant;
}

/**
 * A sector's field on the hub entity that loads by the case id: the grant is checked first
 * (`guard`, by default requireCaseGrant), then `load` runs. One place for the order every
 * such field keeps: nothing of a case is loaded before its grant is verified.
 */
export function grantedCaseField<Ctx extends BaseContext, R>(
  load: (ctx: Ctx, caseId: string) => Promise<R> | R,
  guard: (ctx: Ctx, ref: GrantRef & { id: string }) => Promise<unknown> = requireCaseGrant,
): (ref: GrantRef & { id: string }, args: unknown, ctx: Ctx) => Promise<R> {
  return async (ref, _args, ctx) => {
    await guard(ctx, ref);
    return load(ctx, ref.id);
  };
}

/**
 * For a write that creates or names a record on a case another subgraph owns (a police
 * report, a medical examination, the answer to a recommendation): the børnehus's write
 * grant (`BoernehusCase.writeGrant`, `Recommendation.writeGrant`), which the client fetches
 * with the case and sends with the write. It must be this principal's, for this case (and
 * this record, when the write names one), on a write basis: a participant or an
 * organisation-wide role, never emergency access, which is read-only. Anything else is
 * answered NOT_FOUND, exactly like a case that does not exist, and audited as DENIED.
 */
export async function requireWriteGrant(
  ctx: BaseContext,
  token: string | null | undefined,
  target: { caseId: string; record?: string; what?: string },
): Promise<CaseGrant> {
  const grant = await verifyCaseGrant(token, { caseId: target.caseId, principal: ctx.principal, keys: ctx.grantKeys });
  if (grant && grant.basis !== "EMERGENCY" && (target.record === undefined || grant.record === target.record)) return grant;
  ctx.audit.deny("BoernehusCase", "writeGrant", { caseId: target.caseId });
  throw notFound(target.what ?? "The case");
}

export type { GrantKeys };
