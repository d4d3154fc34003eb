import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, test } from 'vitest';
import { NAMND_UNIT, ROOT_UNIT, administratorOf } from '../../../../test/web/admin-fixtures.ts';
import { answerFetch, json, type SeenRequest } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import { OverviewPage } from './overview-page.tsx';

const EKONOMI = { id: 'v-ekonomi', key: 'ekonomi', labelSv: 'Ekonomi', labelEn: 'Finance', archived: false };
const VERKSAMHET = {
  id: 'v-verksamhet',
  key: 'verksamhetsrisk',
  labelSv: 'Verksamhetsrisk',
  labelEn: 'Operational risk',
  archived: false,
};

function entry(ref: typeof EKONOMI, kind: string) {
  return {
    ...ref,
    kind,
    description: null,
    reportImmediately: false,
    sortOrder: 0,
    validFromYear: null,
    validToYear: null,
  };
}

function overview(narrowed: boolean) {
  return {
    unit: { id: ROOT_UNIT.id, name: ROOT_UNIT.name, kind: 'kommun' },
    year: 2026,
    today: '2026-06-15',
    rows: [
      {
        unit: { id: NAMND_UNIT.id, name: NAMND_UNIT.name, kind: 'namnd' },
        own: false,
        hasUnitsBelow: false,
        plans: [{ id: 'plan1', title: 'IK-plan 2026', kind: 'internal_control', unitId: NAMND_UNIT.id }],
        items: narrowed ? 2 : 5,
        statuses: { not_started: 0, in_progress: 1, completed: 1, not_completed: 0, none: narrowed ? 0 : 3 },
        overdue: 1,
        deviations: 0,
        openDeviations: 0,
        risks: narrowed ? 1 : 3,
        unassessedRisks: 0,
        highestRiskValue: 6,
      },
    ],
    byProcess: narrowed
      ? [{ entry: EKONOMI, risks: 1, highestRiskValue: 6, controls: 2 }]
      : [
          { entry: EKONOMI, risks: 1, highestRiskValue: 6, controls: 2 },
          { entry: null, risks: 2, highestRiskValue: 2, controls: 1 },
        ],
    byCategory: [{ entry: VERKSAMHET, risks: 1, highestRiskValue: 6, controls: 2 }],
    matrix: {
      likelihoodLevels: [{ value: 1, label: '1' }],
      consequenceLevels: [{ value: 1, label: '1' }],
      bands: [],
      cells: [],
      unassessedRisks: 0,
    },
  };
}

function server(): SeenRequest[] {
  return answerFetch((request) => {
    const url = new URL(request.url, 'http://localhost');
    const path = url.pathname.replace('/api/v1', '');
    if (path === '/me') return json(administratorOf());
    if (path === '/org-units') return json({ items: [ROOT_UNIT, NAMND_UNIT], total: 2 });
    if (path === '/plans') return json({ items: [{ id: 'plan1', title: 'IK-plan 2026', startYear: 2026 }], total: 1 });
    if (path === '/vocabularies' && url.searchParams.get('kind') === 'process')
      return json({ items: [entry(EKONOMI, 'process')], total: 1 });
    if (path === '/vocabularies') return json({ items: [entry(VERKSAMHET, 'risk_category')], total: 1 });
    if (path === '/overview') return json(overview(url.searchParams.has('process')));
    return json({ title: 'Not here' }, 404);
  });
}

describe('Kommunstyrelsens översikt: totals per process and category', () => {
  test('shows the risks per process and per category, and narrows to a process chosen', async () => {
    const seen = server();
    renderScreen('/oversikt', () => <OverviewPage />);
    const byProcess = await screen.findByRole('table', { name: 'Risker per process' });
    const rows = within(byProcess).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Process/områdeRiskerHögsta riskvärdeKontrollmoment',
      'Ekonomi162',
      'Inte angiven221',
    ]);
    expect(screen.getByRole('table', { name: 'Risker per riskkategori' })).toBeTruthy();
    expect(screen.queryByText(/Visar bara riskerna/)).toBeNull();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Process/område' }), 'Ekonomi');
    await waitFor(() =>
      expect(
        seen.some((request) => request.url.includes('/overview') && request.url.includes('process=v-ekonomi')),
      ).toBe(true),
    );
    expect(await screen.findByText(/Visar bara riskerna/)).toBeTruthy();
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Risker per process' })).getAllByRole('row')).toHaveLength(2),
    );
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Process/område' }).value).toBe('v-ekonomi');

    // WCAG 2.1 A and AA, as the browser tests scan (colour contrast is left to them).
    const found = await axe.run(document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(found.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`)).toEqual([]);
  });
});
