import { assertNotInFuture, badInput, conflict, nonEmpty } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { childIdByCpr, createChild, createCustodyHolder, setVideoInterviewObjection } from "../data/child.ts";
import { inTransaction } from "../data/client.ts";
import { childOrNotFound, custodyHolderOrNotFound } from "../data/find.ts";
import type { ChildRow, CustodyHolderRow } from "../data/rows.ts";
import type { AddCustodyHolderInput, RecordVideoInterviewObjectionInput, RegisterChildInput } from "../generated/graphql.ts";
import { assertRegistersFor } from "./access.ts";
import { normaliseCpr } from "./cpr.ts";

/** Official municipality codes have four digits, e.g. 0101 (København). */
export function validateMunicipalityCode(value: string, field = "municipalityCode"): string {
  const trimmed = value.trim();
  if (!/^\d{4}$/.test(trimmed)) throw badInput(`${field} must be four digits, e.g. 0101.`, field);
  return trimmed;
}

export interface NewChild {
  cpr: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: "GIRL" | "BOY";
  municipalityCode: string;
}

export function validateNewChild(input: NewChild, now: Date) {
  const birthDate = new Date(`${input.birthDate}T00:00:00Z`);
  assertNotInFuture(birthDate, "birthDate", now);
  return {
    cpr: normaliseCpr(input.cpr, input.birthDate),
    firstName: nonEmpty(input.firstName, "firstName", 200),
    lastName: nonEmpty(input.lastName, "lastName", 200),
    birthDate,
    gender: input.gender,
    municipalityCode: validateMunicipalityCode(input.municipalityCode),
  };
}

/** Age in whole years on a given day: the børnehus is for children 0-17. */
export function ageOn(birthDate: Date, on: Date): number {
  let age = on.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birthDate.getUTCMonth() ||
    (on.getUTCMonth() === birthDate.getUTCMonth() && on.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

// The writes: each rule above, applied to the child as the data layer finds it with the principal's access.

export async function registerChild(ctx: Context, input: RegisterChildInput): Promise<ChildRow> {
  const data = validateNewChild(input, ctx.clock.now());
  assertRegistersFor(ctx.principal, data.municipalityCode);
  return inTransaction(ctx.db, async (tx) => {
    if (await childIdByCpr(tx, data.cpr)) {
      throw conflict("A child with this cpr is already registered; look the child up instead of registering it again.");
    }
    return createChild(tx, data);
  });
}

export function addCustodyHolder(ctx: Context, input: AddCustodyHolderInput): Promise<CustodyHolderRow> {
  return inTransaction(ctx.db, async (tx) => {
    const child = await childOrNotFound(tx, ctx, input.childId);
    return createCustodyHolder(tx, child, {
      name: nonEmpty(input.name, "name", 200),
      relation: input.relation,
      objectsToVideoInterview: input.objectsToVideoInterview ?? false,
    });
  });
}

export function recordVideoInterviewObjection(ctx: Context, input: RecordVideoInterviewObjectionInput): Promise<CustodyHolderRow> {
  return inTransaction(ctx.db, async (tx) =>
    setVideoInterviewObjection(tx, await custodyHolderOrNotFound(tx, ctx, input.custodyHolderId), input.objects),
  );
}
