import { z } from 'zod';

const ISO_DATE = z.iso.date();

/** A calendar date as YYYY-MM-DD (real days only: no 2023-02-29); the store checks dates with it too. */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.safeParse(value).success;
}
