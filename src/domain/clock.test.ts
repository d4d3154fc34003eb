import { describe, expect, test } from 'vitest';
import { adjustableClock, currentYearInSweden, fixedClock, runningClockFrom, todayInSweden } from './clock.ts';

describe('today in Sweden', () => {
  test('is the calendar date in Europe/Stockholm at the clock’s moment, in winter and in summer time', () => {
    // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Stockholm (UTC+1).
    expect(todayInSweden(fixedClock('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(currentYearInSweden(fixedClock('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(todayInSweden(fixedClock('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    // In summer time (UTC+2) the day turns two hours before UTC's.
    expect(todayInSweden(fixedClock('2026-06-15T21:59:00Z'))).toBe('2026-06-15');
    expect(todayInSweden(fixedClock('2026-06-15T22:00:00Z'))).toBe('2026-06-16');
  });

  test('moves only when the clock is moved', () => {
    const clock = adjustableClock('2030-03-01T08:00:00Z');
    expect(todayInSweden(clock)).toBe('2030-03-01');
    clock.advance(24 * 60 * 60 * 1000);
    expect(todayInSweden(clock)).toBe('2030-03-02');
    clock.set('2035-07-01T08:00:00Z');
    expect(todayInSweden(clock)).toBe('2035-07-01');
  });

  test('a fixed clock refuses a moment that is not one', () => {
    expect(() => fixedClock('the 32nd of May')).toThrow(/Not a moment/);
  });
});

describe('clocks', () => {
  test('a fixed clock gives the same moment every time, a copy that a caller cannot move', () => {
    const clock = fixedClock(new Date('2026-05-15T10:00:00Z'));
    clock.now().setUTCFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-05-15T10:00:00.000Z');
  });

  test('a running clock starts at the moment given and moves as its base clock moves', () => {
    const base = adjustableClock('2031-01-01T00:00:00Z');
    const clock = runningClockFrom('2026-11-30T09:00:00Z', base);
    expect(clock.now().toISOString()).toBe('2026-11-30T09:00:00.000Z');
    base.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-11-30T09:01:30.000Z');
    expect(() => runningClockFrom('not a moment', base)).toThrow(/Not a moment/);
  });

  test('an adjustable clock starts where it is told and moves by the milliseconds given', () => {
    const clock = adjustableClock(new Date('2026-05-15T10:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-05-15T10:00:00.000Z');
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe('2026-05-15T10:00:01.500Z');
    clock.set(new Date('2026-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});
