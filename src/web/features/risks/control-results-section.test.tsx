import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, test } from 'vitest';
import { NAMND_UNIT, ROOT_UNIT, administratorOf } from '../../../../test/web/admin-fixtures.ts';
import { answerFetch, json, type SeenRequest } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import type { ControlResult } from '../../api/control-results.ts';
import type { Control } from '../../api/items.ts';
import type { Period } from '../../lib/periods.ts';
import type { Plan } from '../../lib/reference-data.ts';
import { ControlResultsSection } from './control-results-section.tsx';

const CONTROL = {
  id: 'c1',
  planId: 'plan1',
  riskId: 'risk1',
  title: 'Stickprov av inköp',
  responsibleIds: ['p1'],
} as Control;
const PLAN = { id: 'plan1', unitId: NAMND_UNIT.id, startYear: 2026, endYear: 2026 } as Plan;

function period(id: string, number: number, startDate: string, endDate: string): Period {
  return {
    id,
    kind: 'quarter',
    year: 2026,
    number,
    name: null,
    label: `Kvartal ${number} 2026`,
    labelEn: `Quarter ${number} 2026`,
    startDate,
    endDate,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}
const PERIODS = new Map(
  [
    period('q1', 1, '2026-01-01', '2026-03-31'),
    period('q2', 2, '2026-04-01', '2026-06-30'),
    period('q3', 3, '2026-07-01', '2026-09-30'),
  ].map((entry) => [entry.id, entry]),
);

function result(values: Partial<ControlResult> & Pick<ControlResult, 'id' | 'periodId' | 'outcome'>): ControlResult {
  return {
    controlId: CONTROL.id,
    performedOn: null,
    reason: null,
    comment: null,
    recordedById: 'p1',
    deviationIds: [],
    archivedAt: null,
    version: 1,
    createdAt: '2026-04-01T08:00:00.000Z',
    updatedAt: '2026-04-01T08:00:00.000Z',
    ...values,
  };
}

const SEVERITIES = [
  { id: 's-minor', key: 'minor', labelSv: 'Mindre väsentlig', labelEn: 'Minor' },
  { id: 's-significant', key: 'significant', labelSv: 'Väsentlig', labelEn: 'Significant' },
].map((entry, sortOrder) => ({
  ...entry,
  kind: 'deviation_severity',
  description: null,
  reportImmediately: false,
  sortOrder,
  validFromYear: null,
  validToYear: null,
  archivedAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}));

/** The signed-in person with one role on the nämnd. */
function withRole(role: string) {
  const me = administratorOf(NAMND_UNIT.id);
  return { ...me, roles: [{ ...me.roles[0]!, role }] };
}

/** A server holding `results` of the control; a POST is answered by `record`. */
function server(
  me: object,
  results: ControlResult[],
  record: (request: SeenRequest) => Response = () => json({}, 500),
): SeenRequest[] {
  return answerFetch((request) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname === '/api/v1/me') return json(me);
    if (url.pathname === '/api/v1/org-units') return json({ items: [ROOT_UNIT, NAMND_UNIT], total: 2 });
    if (url.pathname === '/api/v1/vocabularies') return json({ items: SEVERITIES, total: SEVERITIES.length });
    if (url.pathname === '/api/v1/deviations')
      return json({
        items: [
          { id: 'd1', title: 'Attest saknas på två fakturor' },
          { id: 'd2', title: 'Beställare ej behörig' },
        ],
        total: 2,
      });
    if (url.pathname === '/api/v1/control-results' && request.method === 'POST') {
      const answer = record(request);
      if (answer.status === 201)
        void answer
          .clone()
          .json()
          .then((body: ControlResult) => results.push(body));
      return answer;
    }
    if (url.pathname === '/api/v1/control-results') return json({ items: results, total: results.length });
    return json({ title: 'Not here' }, 404);
  });
}

/** Waits until the person and the units have been fetched and answered, before concluding what is offered. */
async function rolesRead(seen: SeenRequest[]) {
  await waitFor(() =>
    expect(seen.filter((request) => /^\/api\/v1\/(me|org-units)\b/.test(request.url))).toHaveLength(2),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
}

function renderSection() {
  // In a main landmark, as the risk page shows it.
  return renderScreen('/risker/risk1', () => (
    <main>
      <ControlResultsSection control={CONTROL} plan={PLAN} periods={PERIODS} />
    </main>
  ));
}

describe('ControlResultsSection: a control’s results per period', () => {
  test('shows each period’s outcome, date, reason, comment and the deviations found, as links; a reader records none', async () => {
    const seen = server(withRole('reader'), [
      result({
        id: 'r2',
        periodId: 'q2',
        outcome: 'not_performed',
        reason: 'Ansvarig handläggare sjukskriven',
      }),
      result({
        id: 'r1',
        periodId: 'q1',
        outcome: 'with_deviation',
        performedOn: '2026-03-25',
        comment: '20 fakturor granskade.',
        deviationIds: ['d1', 'd2'],
      }),
    ]);
    renderSection();
    const table = await screen.findByRole('table', { name: 'Resultat per period för Stickprov av inköp' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()))).toEqual([
      ['Period', 'Utfall', 'Datum', 'Skäl', 'Kommentar', 'Avvikelser som hittades'],
      [
        'Kvartal 1 2026',
        'Genomförd med avvikelse',
        '25 mars 2026',
        '–',
        '20 fakturor granskade.',
        'Attest saknas på två fakturorBeställare ej behörig',
      ],
      ['Kvartal 2 2026', 'Ej genomförd', '–', 'Ansvarig handläggare sjukskriven', '–', '–'],
    ]);
    expect(within(rows[1]!).getByRole('link', { name: 'Beställare ej behörig' }).getAttribute('href')).toBe(
      '/avvikelser/d2',
    );
    await rolesRead(seen);
    expect(screen.queryByRole('button', { name: /Registrera resultat/ })).toBeNull();
    // Each result's evidence files, in period order, read only when opened.
    expect(
      [...document.querySelectorAll('.attachments-disclosure summary')].map((summary) => summary.textContent),
    ).toEqual(['Underlag för Kvartal 1 2026', 'Underlag för Kvartal 2 2026']);
    expect(seen.some((request) => request.url.startsWith('/api/v1/attachments'))).toBe(false);
  });

  test('a responsible person named on the control records a result with two deviations, in one request', async () => {
    const results: ControlResult[] = [];
    const seen = server(withRole('responsible'), results, (request) =>
      json(
        result({
          id: 'r9',
          periodId: 'q2',
          outcome: 'with_deviation',
          performedOn: '2026-05-12',
          deviationIds: ['d1', 'd2'],
          ...(request.body as object),
        }),
        201,
      ),
    );
    renderSection();
    await screen.findByText('Inget resultat är registrerat ännu.');
    await userEvent.click(await screen.findByRole('button', { name: 'Registrera resultat för Stickprov av inköp' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Kvartal 2 2026');
    await userEvent.click(screen.getByRole('radio', { name: 'Genomförd med avvikelse' }));
    const day = screen.getByLabelText('Genomförd den');
    await userEvent.clear(day);
    await userEvent.type(day, '2026-05-12');
    const first = screen.getByRole('group', { name: 'Avvikelse 1' });
    await userEvent.type(within(first).getByRole('textbox', { name: 'Vad avviker?' }), 'Attest saknas på två fakturor');
    await userEvent.selectOptions(within(first).getByRole('combobox', { name: 'Allvarlighetsgrad' }), 'Väsentlig');
    await userEvent.click(screen.getByRole('button', { name: 'Lägg till avvikelse' }));
    const second = screen.getByRole('group', { name: 'Avvikelse 2' });
    await userEvent.type(within(second).getByRole('textbox', { name: 'Vad avviker?' }), 'Beställare ej behörig');
    await userEvent.selectOptions(
      within(second).getByRole('combobox', { name: 'Allvarlighetsgrad' }),
      'Mindre väsentlig',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Spara resultat' }));

    await screen.findByText('Resultatet för Kvartal 2 2026 är sparat.');
    const posted = seen.filter((request) => request.method === 'POST');
    expect(posted.map((request) => request.body)).toEqual([
      {
        controlId: 'c1',
        periodId: 'q2',
        outcome: 'with_deviation',
        performedOn: '2026-05-12',
        comment: null,
        deviations: [
          { title: 'Attest saknas på två fakturor', severityId: 's-significant', description: null },
          { title: 'Beställare ej behörig', severityId: 's-minor', description: null },
        ],
      },
    ]);
    expect(
      seen.some((request) => request.url.startsWith('/api/v1/vocabularies?kind=deviation_severity&year=2026')),
    ).toBe(true);
    const table = await screen.findByRole('table', { name: 'Resultat per period för Stickprov av inköp' });
    expect(within(table).getByRole('link', { name: 'Attest saknas på två fakturor' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Avvikelse 1' })).toBeNull();
  });

  test('"ej genomförd" asks for the reason instead of the day; the server’s refusal is shown at the field', async () => {
    server(withRole('coordinator'), [result({ id: 'r1', periodId: 'q1', outcome: 'no_remarks' })], () =>
      json(
        {
          type: 'urn:uppsikt:problem:validation_failed',
          title: 'Uppgifterna är inte giltiga.',
          status: 400,
          errors: [{ path: 'reason', message: 'Ange varför kontrollen inte genomfördes.' }],
        },
        400,
      ),
    );
    renderSection();
    await userEvent.click(await screen.findByRole('button', { name: 'Registrera resultat för Stickprov av inköp' }));
    // A period with a result is not offered again.
    const periods = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Period' });
    expect([...periods.options].map((option) => option.textContent)).toEqual([
      'Välj period',
      'Kvartal 2 2026',
      'Kvartal 3 2026',
    ]);
    await userEvent.selectOptions(periods, 'Kvartal 3 2026');
    await userEvent.click(screen.getByRole('radio', { name: 'Ej genomförd' }));
    expect(screen.queryByLabelText('Genomförd den')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Avvikelse 1' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Spara resultat' }));
    const reason = await screen.findByRole('textbox', { name: 'Varför genomfördes kontrollen inte?' });
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('Ange varför kontrollen inte genomfördes.').length).toBeGreaterThan(0);
  });

  test('a responsible person not named on the control is offered no form', async () => {
    const seen = server({ ...withRole('responsible'), user: { ...withRole('responsible').user, id: 'p2' } }, []);
    renderSection();
    await screen.findByText('Inget resultat är registrerat ännu.');
    await rolesRead(seen);
    expect(screen.queryByRole('button', { name: /Registrera resultat/ })).toBeNull();
  });

  test('the table and the open form have no accessibility violations that axe can find', async () => {
    server(withRole('coordinator'), [
      result({ id: 'r1', periodId: 'q1', outcome: 'with_deviation', performedOn: '2026-03-25', deviationIds: ['d1'] }),
    ]);
    renderSection();
    await userEvent.click(await screen.findByRole('button', { name: 'Registrera resultat för Stickprov av inköp' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Genomförd med avvikelse' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lägg till avvikelse' }));
    await screen.findByRole('link', { name: 'Attest saknas på två fakturor' });
    // Colour contrast needs a real browser, which the journeys have.
    const found = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(found.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`)).toEqual([]);
  });
});
