/**
 * Moments just after midnight in Sweden while it is still the day before in UTC, on and after
 * both changes of summer time in 2026, with the Swedish dates worked out by hand (not by the rule
 * under test): the boundaries of every rule that compares a date with "today".
 */
export const SWEDISH_MIDNIGHTS = [
  {
    name: '00:30 CET on 29 March, the night summer time begins (28th in UTC)',
    moment: '2026-03-28T23:30:00Z',
    yesterday: '2026-03-28',
    today: '2026-03-29',
    tomorrow: '2026-03-30',
  },
  {
    name: '00:30 CEST on 30 March, the first night of summer time (29th in UTC)',
    moment: '2026-03-29T22:30:00Z',
    yesterday: '2026-03-29',
    today: '2026-03-30',
    tomorrow: '2026-03-31',
  },
  {
    name: '00:30 CEST on 25 October, the night summer time ends (24th in UTC)',
    moment: '2026-10-24T22:30:00Z',
    yesterday: '2026-10-24',
    today: '2026-10-25',
    tomorrow: '2026-10-26',
  },
  {
    name: '00:30 CET on 26 October, the first night of winter time (25th in UTC)',
    moment: '2026-10-25T23:30:00Z',
    yesterday: '2026-10-25',
    today: '2026-10-26',
    tomorrow: '2026-10-27',
  },
] as const;
