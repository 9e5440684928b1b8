/**
 * Synthetic CPR numbers, DDMMYY-SSSS.
 *
 * DD is the birth day plus 60 (61-91). That is the range the CPR office uses for
 * replacement numbers (erstatningspersonnumre), so no real person's ordinary CPR number
 * can ever look like one of ours, and anyone can see at a glance that it is synthetic.
 * MM and YY come from the child's birth date. SSSS is random, but keeps two conventions
 * of real numbers so they look right in a form: the first serial digit matches the
 * century (4-9 for births 2000-2036, 0-3 for the 1900s) and the last digit is odd for
 * boys, even for girls. The numbers need NOT satisfy the old modulus-11 check (the CPR
 * office stopped guaranteeing it in 2007).
 */
import type { Gender } from "./model.ts";
import type { Random } from "./random.ts";

export const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})-(\d{4})$/;

/** Draw a serial (the four digits after the dash) for a child born in `year`. */
export function cprSerial(rng: Random, year: number, gender: Gender): number {
  const first = year >= 2000 && year <= 2036 ? rng.int(4, 9) : rng.int(0, 3);
  const middle = rng.int(0, 99);
  const parity = gender === "BOY" ? 1 : 0;
  const last = rng.int(0, 4) * 2 + parity;
  return first * 1000 + middle * 10 + last;
}

/** Format a synthetic CPR number from an ISO birth date ("2015-03-07") and a serial. */
export function formatCpr(birthDate: string, serial: number): string {
  const year = birthDate.slice(2, 4);
  const month = birthDate.slice(5, 7);
  const day = Number(birthDate.slice(8, 10)) + 60;
  return `${day}${month}${year}-${String(serial).padStart(4, "0")}`;
}

/**
 * The next serial to try when one is taken: two on keeps the gender digit, and it wraps
 * inside the same century block so the number stays consistent with the birth year.
 */
export function nextCprSerial(serial: number): number {
  const first = Math.floor(serial / 1000);
  const block = first >= 4 ? [4, 9] : [0, 3];
  let next = serial + 2;
  if (Math.floor(next / 1000) > (block[1] as number)) next = (block[0] as number) * 1000 + (next % 2);
  return next;
}
