import { describe, expect, test } from 'vitest';
import { groupRisks } from './plan-page.tsx';

type Risk = Parameters<typeof groupRisks>[0][number];

const ref = (id: string, labelSv: string, labelEn: string) => ({ id, key: id, labelSv, labelEn, archived: false });
const PERSONAL = ref('v-personal', 'Personal', 'Human resources');
const EKONOMI = ref('v-ekonomi', 'Ekonomi', 'Finance');
const LEGAL = ref('v-legal', 'Legal risk', 'Legal risk');

function risk(id: string, process: typeof EKONOMI | null, category: typeof EKONOMI | null): Risk {
  return { id, title: id, process, category } as unknown as Risk;
}

describe('the plan’s risks grouped by process or category', () => {
  const risks = [
    risk('r1', PERSONAL, null),
    risk('r2', null, LEGAL),
    risk('r3', EKONOMI, LEGAL),
    risk('r4', PERSONAL, null),
  ];

  test('by process: groups in name order, those without one last, the risks in their order', () => {
    const groups = groupRisks(risks, 'process', 'sv');
    expect(groups.map((group) => [group.name, group.risks.map((entry) => entry.id)])).toEqual([
      ['Ekonomi', ['r3']],
      ['Personal', ['r1', 'r4']],
      [null, ['r2']],
    ]);
  });

  test('by category, and in English by the English names', () => {
    expect(groupRisks(risks, 'kategori', 'sv').map((group) => [group.name, group.risks.length])).toEqual([
      ['Legal risk', 2],
      [null, 2],
    ]);
    expect(groupRisks(risks, 'process', 'en').map((group) => group.name)).toEqual(['Finance', 'Human resources', null]);
  });
});
