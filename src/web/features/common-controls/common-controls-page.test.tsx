import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { administratorOf, NAMND_UNIT, ROOT_UNIT } from '../../../../test/web/admin-fixtures.ts';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import type { CommonControl, CommonControlResults } from '../../api/common-controls.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { webYear } from '../../lib/clock.ts';
import { CommonControlsPage } from './common-controls-page.tsx';

afterEach(() => setCsrfToken(null));

const SCHOOL_UNIT = { ...NAMND_UNIT, id: 'u-bun', name: 'Barn- och utbildningsnämnden' };

const CONTROL: CommonControl = {
  id: 'cc1',
  originUnitId: ROOT_UNIT.id,
  year: webYear(),
  riskTitle: 'Jäv vid inköp',
  riskDescription: null,
  process: { id: 'p1', key: 'upphandling', labelSv: 'Upphandling', labelEn: 'Procurement', archived: false },
  category: null,
  title: 'Kontroll av jäv vid inköp',
  description: null,
  method: { id: 'm1', key: 'stickprov', labelSv: 'Stickprov', labelEn: 'Sample check', archived: false },
  scope: '10 inköp per halvår',
  frequency: { kind: 'half_yearly' },
  reportingTime: null,
  reportsTo: ['executive_board'],
  targetUnitIds: [],
  copies: [
    {
      unitId: NAMND_UNIT.id,
      unitName: NAMND_UNIT.name,
      planId: 'p-sn',
      riskId: 'r-sn',
      controlId: 'c-sn',
      state: 'in_plan',
    },
    {
      unitId: SCHOOL_UNIT.id,
      unitName: SCHOOL_UNIT.name,
      planId: 'p-bun',
      riskId: null,
      controlId: null,
      state: 'offered',
    },
  ],
  archivedAt: null,
  version: 1,
  createdAt: '2026-01-01T09:00:00.000Z',
  updatedAt: '2026-01-01T09:00:00.000Z',
};

const RESULTS: CommonControlResults = {
  commonControlId: 'cc1',
  units: [
    {
      unitId: NAMND_UNIT.id,
      unitName: NAMND_UNIT.name,
      planId: 'p-sn',
      controlId: 'c-sn',
      state: 'in_plan',
      statusId: null,
      results: [
        {
          outcome: 'with_deviation',
          performedOn: `${webYear()}-06-20`,
          period: {
            id: 'h1',
            kind: 'interim',
            number: 1,
            year: webYear(),
            name: null,
            startDate: `${webYear()}-01-01`,
          },
        },
      ],
      deviations: 1,
      latestFollowUpOn: `${webYear()}-06-25`,
    },
    {
      unitId: SCHOOL_UNIT.id,
      unitName: SCHOOL_UNIT.name,
      planId: 'p-bun',
      controlId: null,
      state: 'offered',
      statusId: null,
      results: [],
      deviations: 0,
      latestFollowUpOn: null,
    },
  ],
};

function server({ me = administratorOf(ROOT_UNIT.id) } = {}) {
  return answerFetch((request) => {
    const path = request.url.split('?')[0];
    if (path === '/api/v1/me') return json(me);
    if (path === '/api/v1/org-units')
      return json({
        items: [ROOT_UNIT, NAMND_UNIT, SCHOOL_UNIT].map((unit) => ({ ...unit, archivedAt: null, version: 1 })),
        total: 3,
      });
    if (path === '/api/v1/common-controls') return json({ items: [CONTROL], total: 1 });
    if (path === '/api/v1/common-controls/cc1/results') return json(RESULTS);
    if (path === '/api/v1/common-controls/cc1/take-over' && request.method === 'POST')
      return json({ ...CONTROL, copies: CONTROL.copies.map((copy) => ({ ...copy, state: 'in_plan' })) });
    if (path === '/api/v1/vocabularies') return json({ items: [], total: 0 });
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  });
}

describe('the common controls', () => {
  test('the kommun’s administrator sees each nämnd’s follow-up side by side and puts the control into an adopted plan', async () => {
    setCsrfToken('csrf-1');
    const seen = server();
    renderScreen('/gemensamma-kontrollmoment', () => <CommonControlsPage />);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Kontroll av jäv vid inköp' });
    const table = await screen.findByRole('table', { name: 'Uppföljning per enhet av Kontroll av jäv vid inköp' });
    const own = within(table).getByRole('row', { name: /^Socialnämnden/ });
    await within(own).findByText(/Genomförd med avvikelse/);
    expect(
      within(own)
        .getByRole('link', { name: /I planen/ })
        .getAttribute('href'),
    ).toBe('/risker/r-sn');
    const school = within(table).getByRole('row', { name: /^Barn- och utbildningsnämnden/ });
    within(school).getByText('Erbjuds');
    await user.click(within(school).getByRole('button', { name: 'För in i planen Barn- och utbildningsnämnden' }));
    await waitFor(() => expect(seen.some((request) => request.url.endsWith('/take-over'))).toBe(true));
    expect(seen.find((request) => request.url.endsWith('/take-over'))!.body).toEqual({ unitId: SCHOOL_UNIT.id });
    await screen.findByText('Kontroll av jäv vid inköp är infört i planen för Barn- och utbildningsnämnden.');
    screen.getByText('Nytt gemensamt kontrollmoment');
  });

  test('a reader of a nämnd sees the control and nothing to change or take in', async () => {
    const reader = administratorOf(NAMND_UNIT.id);
    reader.roles = [{ ...reader.roles[0]!, role: 'reader' }];
    server({ me: reader });
    renderScreen('/gemensamma-kontrollmoment', () => <CommonControlsPage />);
    await screen.findByRole('heading', { name: 'Kontroll av jäv vid inköp' });
    expect(screen.queryByText('Nytt gemensamt kontrollmoment')).toBeNull();
    expect(screen.queryByRole('button', { name: /För in i planen|Ändra/ })).toBeNull();
  });
});
