import { type CaseGrant, type GrantKeys, verifyCaseGrant } from "@samraad/access";
import type { BaseContext } from "./context.ts";
import { DomainError } from "./errors.ts";

/**
 * For the sector subgraphs' fields on the hub (`BoernehusCase.policeReport`, ...): the
 * entity representation must carry a case grant from the børnehus subgraph
 * (`@requires(fields: "accessGrant")`) for this principal. Without one the field is
 * refused: only a request that did not come through the gateway's plan lacks it.
 */
export async function requireCaseGrant(
  ctx: BaseContext,
  ref: { id?: string; accessGrant?: string | null },
  options: { caseId?: string } = {},
): Promise<CaseGrant> {
  const caseId = options.caseId ?? ref.id;
  const grant = await verifyCaseGrant(ref.accessGrant, { caseId, principal: ctx.principal, keys: ctx.grantKeys });
  if (!grant) {
    ctx.audit.deny("BoernehusCase", "accessGrant", { caseId });
    throw new DomainError("FORBIDDEN", "No access to this case: it must be reached through the case you take part in.");
  }
  return grant;
}

export type { GrantKeys };
