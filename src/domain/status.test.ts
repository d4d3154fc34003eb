import { describe, expect, test } from 'vitest';
import { DEFAULT_STATUSES, STATUS_CATEGORIES, STATUS_ICONS } from './status.ts';

describe("a new tenant's statuses", () => {
  test('are the vocabulary of the seeds, each in its category', () => {
    expect(DEFAULT_STATUSES.map(({ key, labelSv, labelEn, category }) => [key, labelSv, labelEn, category])).toEqual([
      ['ej-paborjad', 'Ej påbörjad', 'Not started', 'not_started'],
      ['pagaende', 'Pågående', 'In progress', 'in_progress'],
      ['genomford', 'Genomförd', 'Carried out', 'completed'],
      ['klar', 'Klar', 'Done', 'completed'],
      ['godkand', 'Godkänd', 'Approved', 'completed'],
      ['ej-slutford', 'Ej slutförd', 'Not completed', 'not_completed'],
    ]);
  });

  test('cover every category, and carry an icon and a #rrggbb colour so that status is never shown by colour alone', () => {
    expect(new Set(DEFAULT_STATUSES.map((status) => status.category))).toEqual(new Set(STATUS_CATEGORIES));
    for (const status of DEFAULT_STATUSES) {
      expect(STATUS_ICONS).toContain(status.icon);
      expect(status.colour).toMatch(/^#[0-9a-f]{6}$/);
    }
    // Categories differ by icon, not only by colour.
    const iconsOf = (category: string) =>
      new Set(DEFAULT_STATUSES.filter((status) => status.category === category).map((status) => status.icon));
    expect(iconsOf('not_started')).toEqual(new Set(['circle']));
    expect(iconsOf('in_progress')).toEqual(new Set(['half']));
    expect(iconsOf('not_completed')).toEqual(new Set(['cross']));
    expect(DEFAULT_STATUSES.map((status) => status.colour)).toEqual([
      '#6b7280',
      '#b45309',
      '#15803d',
      '#15803d',
      '#1d4ed8',
      '#b91c1c',
    ]);
  });
});
