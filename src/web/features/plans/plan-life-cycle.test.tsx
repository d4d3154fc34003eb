import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, onTestFinished, test } from 'vitest';
import { renderScreen } from '../../../../test/web/render.tsx';
import type { Plan, PlanVersion } from '../../api/plans.ts';
import { PlanLifeCycle } from './plan-life-cycle.tsx';

const PLAN = '01900000-0000-7000-8000-000000000001';
const UNIT = '01900000-0000-7000-8000-000000000002';

const plan: Plan = {
  id: PLAN,
  unitId: UNIT,
  kind: 'internal_control',
  title: 'Internkontrollplan 2026',
  startYear: 2026,
  endYear: 2026,
  state: 'adopted',
  description: null,
  riskMatrixId: null,
  decisionUnitId: UNIT,
  decisionDate: '2026-05-20',
  decisionParagraph: '§ 80',
  diarienummer: 'SN-2026-90',
  adoptedAt: '2026-02-12T10:00:00.000Z',
  closedAt: null,
  archivedAt: null,
  version: 4,
  createdAt: '2026-01-10T10:00:00.000Z',
  updatedAt: '2026-05-20T10:00:00.000Z',
};

const version = (revision: number, decision: PlanVersion['decision']): PlanVersion => ({
  id: `01900000-0000-7000-8000-00000000010${revision}`,
  planId: PLAN,
  revision,
  reason: revision === 1 ? null : `Ändring ${revision}`,
  sha256: 'ab'.repeat(32),
  createdAt: '2026-05-20T10:00:00.000Z',
  createdByName: 'Sara Samordnare',
  decision,
});

function serve(): { method: string; url: string; body: unknown }[] {
  const seen: { method: string; url: string; body: unknown }[] = [];
  const previous = globalThis.fetch;
  onTestFinished(() => {
    globalThis.fetch = previous;
  });
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    seen.push({
      method: init?.method ?? 'GET',
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : null,
    });
    const answer = url.includes('/versions')
      ? {
          items: [
            version(1, {
              decisionUnitId: UNIT,
              decisionUnitName: 'Socialnämnden',
              decisionDate: '2026-02-12',
              decisionParagraph: '§ 14',
              diarienummer: 'SN-2026-42',
              validFrom: '2026-02-12',
            }),
            version(2, null),
            version(3, {
              decisionUnitId: UNIT,
              decisionUnitName: 'Socialnämnden',
              decisionDate: '2026-05-20',
              decisionParagraph: '§ 80',
              diarienummer: 'SN-2026-90',
              validFrom: '2026-06-01',
            }),
          ],
        }
      : url.includes('/carry-over')
        ? { carriedFrom: [], carriedTo: [] }
        : version(4, null);
    return Promise.resolve(
      new Response(JSON.stringify(answer), {
        status: url.includes('/revisions') ? 201 : 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  return seen;
}

describe('the plan’s versions and their decisions', () => {
  test('each version shows its decision and gäller från; a revision without one says the decision in force stays', async () => {
    serve();
    renderScreen('/plan', () => <PlanLifeCycle plan={plan} />);
    const adopted = (await screen.findByRole('heading', { name: 'Beslutad' })).closest('li')!;
    expect(within(adopted).getByText(/Beslut: Socialnämnden .* § 14, dnr SN-2026-42/)).toBeTruthy();
    expect(within(adopted).getByText(/Gäller från/)).toBeTruthy();
    const kept = screen.getByRole('heading', { name: 'Revision 2' }).closest('li')!;
    expect(within(kept).getByText('Inget nytt beslut; tidigare beslut gäller.')).toBeTruthy();
    const decided = screen.getByRole('heading', { name: 'Revision 3' }).closest('li')!;
    expect(within(decided).getByText(/§ 80, dnr SN-2026-90/)).toBeTruthy();
  });

  test('a revision is sent with its own gäller från', async () => {
    const seen = serve();
    renderScreen('/plan', () => <PlanLifeCycle plan={plan} />);
    await userEvent.type(await screen.findByRole('textbox', { name: /Skäl till ändringen/ }), 'Ny risk beslutad');
    await userEvent.type(screen.getByLabelText(/^Gäller från/), '2026-07-01');
    await userEvent.click(screen.getByRole('button', { name: /revision/i }));
    await screen.findByText('Revisionen är sparad.');
    expect(seen.find((request) => request.method === 'POST')!.body).toEqual({
      reason: 'Ny risk beslutad',
      validFrom: '2026-07-01',
    });
  });
});
