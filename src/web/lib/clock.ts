// The web app reckons "today" with the same domain rule as the server, on a clock that follows
// the server's: /me gives the server's present moment, and the difference to the browser's clock
// is kept, so a browser whose clock is wrong (or a server run on a fixed clock) still agrees with
// the server on what is due and what is overdue.
import { currentYearInSweden, systemClock, todayInSweden, type Clock } from '../../domain/clock.ts';

let offsetMs = 0;

/** The browser's clock, corrected to the server's. */
export const webClock: Clock = { now: () => new Date(systemClock.now().getTime() + offsetMs) };

/** Follows the server's clock from a moment it gave (ISO 8601), as received now. */
export function followServerClock(serverNow: string): void {
  const server = Date.parse(serverNow);
  if (!Number.isNaN(server)) offsetMs = server - systemClock.now().getTime();
}

/** Today's date in Sweden (YYYY-MM-DD) by the server's clock. */
export function webToday(): string {
  return todayInSweden(webClock);
}

/** This year in Sweden by the server's clock. */
export function webYear(): number {
  return currentYearInSweden(webClock);
}
