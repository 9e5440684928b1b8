import { badInput } from "@samraad/subgraph-kit";

/**
 * CPR numbers (synthetic only in this project). Since 2007 numbers are issued
 * WITHOUT a valid modulus-11 check digit, so the check digit is deliberately not
 * checked: refusing them would refuse real children. What is checked: the shape,
 * that the first six digits are a real date (the day may be day + 60 for a
 * replacement number, erstatningspersonnummer), and that it agrees with the birth date.
 */
const CPR = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

/** Returns the number in the form DDMMYY-SSSS, or throws BAD_USER_INPUT naming "cpr". */
export function normaliseCpr(value: string, birthDate: string): string {
  const match = CPR.exec(value.trim());
  if (!match) throw badInput("cpr must be DDMMYY-SSSS or 10 digits.", "cpr");
  const [, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
  const rawDay = Number(dd);
  const day = rawDay > 60 ? rawDay - 60 : rawDay;
  const month = Number(mm);
  const year2 = Number(yy);
  if (month < 1 || month > 12) throw badInput(`cpr has month ${mm}; the month must be 01-12.`, "cpr");
  // The century is not in the first six digits; 29 February exists in a year ending in 00 (2000), so test 2000+yy.
  if (day < 1 || day > daysInMonth(2000 + year2, month)) {
    throw badInput(`cpr starts with ${dd}${mm}${yy}, which is not a date (a replacement number adds 60 to the day).`, "cpr");
  }
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  if (bd !== day || bm !== month || by % 100 !== year2) {
    throw badInput(`cpr (${dd}${mm}${yy}) does not agree with birthDate ${birthDate}.`, "cpr");
  }
  return `${dd}${mm}${yy}-${serial}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A CPR number to look a child up by: its shape only (DDMMYY-SSSS or 10 digits), in the stored form. */
export function cprForLookup(value: string): string {
  const match = CPR.exec(value.trim());
  if (!match) throw badInput("cpr must be DDMMYY-SSSS or 10 digits.", "cpr");
  const [, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
  return `${dd}${mm}${yy}-${serial}`;
}
