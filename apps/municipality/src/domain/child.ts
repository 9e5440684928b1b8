import { assertNotInFuture, badInput, nonEmpty } from "@samraad/subgraph-kit";
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
