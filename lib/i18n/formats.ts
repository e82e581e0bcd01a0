import type { Formats } from "next-intl";

/**
 * Dates and times the portal shows, named so every page formats them alike. The portal renders
 * in UTC (see lib/i18n/request.ts): a login time means the same on a screenshot and on the phone
 * to support, and a calendar date ("1990-03-14") never shifts a day.
 */
export const FORMATS = {
  dateTime: {
    /** A calendar date: a birth date, a document's expiry. */
    day: { year: "numeric", month: "long", day: "numeric" },
    /** When something happened, to the minute, with the zone said out loud. */
    minute: {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    },
  },
} satisfies Formats;

export const TIME_ZONE = "UTC";

/** A calendar date as providers send it ("1990-03-14"), as a Date at UTC midnight; invalid stays a string. */
export function calendarDate(value: string): Date | string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : date;
}
