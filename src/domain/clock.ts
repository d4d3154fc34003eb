// "Today" in Uppsikt is one rule: the calendar date in Sweden (Europe/Stockholm) at the moment a
// clock gives. The server owns one clock and passes it down to every request and job; tests pass
// a fixed one. No rule reads the system clock on its own.

/** Where the present moment comes from. */
export interface Clock {
  /** The present moment. */
  now(): Date;
}

/** The real clock: the only place in Uppsikt's rules that reads the system time. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that always gives the same moment (tests, scripted runs), e.g. fixedClock('2026-05-15T10:00:00Z'). */
export function fixedClock(moment: Date | string): Clock {
  const fixed = new Date(moment);
  if (Number.isNaN(fixed.getTime())) throw new Error(`Not a moment in time: ${String(moment)}`);
  return { now: () => new Date(fixed) };
}

/**
 * A clock that starts at a given moment and runs on with `base` (the system clock): a
 * demonstration or a browser test sees the same dates whatever the real day is.
 */
export function runningClockFrom(start: Date | string, base: Clock = systemClock): Clock {
  const startMs = new Date(start).getTime();
  if (Number.isNaN(startMs)) throw new Error(`Not a moment in time: ${String(start)}`);
  const baseMs = base.now().getTime();
  return { now: () => new Date(startMs + (base.now().getTime() - baseMs)) };
}

/** A clock the test moves forward by hand. */
export function adjustableClock(
  start: Date | string,
): Clock & { set(moment: Date | string): void; advance(milliseconds: number): void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (moment) => {
      current = new Date(moment).getTime();
    },
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
}

const SWEDISH_DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Sweden (YYYY-MM-DD) at a moment. */
export function swedishDateOf(moment: Date): string {
  return SWEDISH_DATE.format(moment);
}

/** Today's date in Sweden (YYYY-MM-DD) by the given clock. */
export function todayInSweden(clock: Clock): string {
  return swedishDateOf(clock.now());
}

/** This year in Sweden by the given clock. */
export function currentYearInSweden(clock: Clock): number {
  return Number(todayInSweden(clock).slice(0, 4));
}
