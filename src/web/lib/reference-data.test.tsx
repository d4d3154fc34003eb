import { describe, expect, test } from 'vitest';
import { byId, statusOptions, type Status } from './reference-data.ts';

describe('the reference data as screens use it', () => {
  test('byId finds rows by id; nothing loaded yet is an empty map', () => {
    const rows = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ];
    expect(byId(rows).get('b')).toBe(rows[1]);
    expect(byId(undefined).size).toBe(0);
  });

  test('statusOptions names each status in the interface language, in the given order', () => {
    const statuses = [
      { id: 's1', labelSv: 'Pågår', labelEn: 'In progress' },
      { id: 's2', labelSv: 'Klar', labelEn: 'Done' },
    ] as Status[];
    expect(statusOptions(statuses, 'sv')).toEqual([
      { value: 's1', label: 'Pågår' },
      { value: 's2', label: 'Klar' },
    ]);
    expect(statusOptions(statuses, 'en').map((option) => option.label)).toEqual(['In progress', 'Done']);
  });
});
