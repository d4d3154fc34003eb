import { afterEach, describe, expect, test } from 'vitest';
import { systemClock } from '../../domain/clock.ts';
import { followServerClock, webToday, webYear } from './clock.ts';

// The web app shows the server's "overdue" flag; its own date rules (the running period, the next
// checkpoint, a new deviation's date) start from webToday, which must be the Swedish date by the
// server's clock, whatever the browser's clock or time zone says.
describe('web app: today is the Swedish date by the server’s clock', () => {
  afterEach(() => followServerClock(systemClock.now().toISOString()));

  test.each([
    {
      name: '00:30 CET on 29 March, the night summer time begins',
      serverNow: '2026-03-28T23:30:00Z',
      today: '2026-03-29',
    },
    {
      name: '00:30 CEST on 30 March, the first night of summer time',
      serverNow: '2026-03-29T22:30:00Z',
      today: '2026-03-30',
    },
    {
      name: '23:30 CEST on 24 October, before summer time ends',
      serverNow: '2026-10-24T21:30:00Z',
      today: '2026-10-24',
    },
    {
      name: '00:30 CET on 26 October, the first night of winter time',
      serverNow: '2026-10-25T23:30:00Z',
      today: '2026-10-26',
    },
    {
      name: '00:30 CET on 1 January, still New Year’s Eve in UTC',
      serverNow: '2026-12-31T23:30:00Z',
      today: '2027-01-01',
    },
  ])('$name', ({ serverNow, today }) => {
    followServerClock(serverNow);
    expect(webToday()).toBe(today);
    expect(webYear()).toBe(Number(today.slice(0, 4)));
  });
});
