import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, onTestFinished, test } from 'vitest';
import { renderWithApp } from '../../../../test/web/render.tsx';
import type { IssuedReport } from '../../api/reports.ts';
import { RecordDecisionForm } from './issued-report-decision.tsx';

const UNIT = '01900000-0000-7000-8000-000000000001';
const BOARD = '01900000-0000-7000-8000-000000000002';

const issued = (id: string, decision: IssuedReport['decision']): IssuedReport => ({
  id,
  kind: 'control-follow-up',
  unitId: UNIT,
  unitName: 'Socialnämnden',
  period: '2026',
  format: 'pdf',
  title: `Uppföljning ${id.slice(-1)}`,
  fileName: 'uppfoljning.pdf',
  byteSize: 100,
  sha256: 'ab'.repeat(32),
  note: null,
  issuedAt: '2026-09-01T08:00:00.000Z',
  issuedById: UNIT,
  issuedByName: 'Sara Samordnare',
  decision,
});

const recorded = {
  id: '01900000-0000-7000-8000-0000000000d1',
  decisionUnitId: BOARD,
  decisionUnitName: 'Kommunstyrelsen',
  decisionDate: '2026-09-16',
  decisionParagraph: '§ 95',
  diarienummer: 'KS-2026-120',
  outcome: 'referred_back' as const,
  note: null,
  recordedByName: 'Sara Samordnare',
  version: 3,
  updatedAt: '2026-09-17T08:00:00.000Z',
};

interface Seen {
  url: string;
  method: string;
  body: unknown;
}

function serve(): Seen[] {
  const seen: Seen[] = [];
  const previous = globalThis.fetch;
  onTestFinished(() => {
    globalThis.fetch = previous;
  });
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
    seen.push({ url, method: init?.method ?? 'GET', body });
    const answer = url.includes('/org-units')
      ? {
          items: [
            { id: UNIT, name: 'Socialnämnden' },
            { id: BOARD, name: 'Kommunstyrelsen' },
          ],
          total: 2,
          limit: 500,
          offset: 0,
        }
      : { ...recorded, ...(body as object) };
    return Promise.resolve(
      new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } }),
    );
  };
  return seen;
}

describe('Registrera beslut on a sent report', () => {
  test('records the first decision with the chosen outcome, body, date and §', async () => {
    const seen = serve();
    renderWithApp(<RecordDecisionForm reports={[issued('01900000-0000-7000-8000-0000000000a1', null)]} />);
    const form = await screen.findByRole('region', { name: 'Registrera beslut' });
    expect(within(form).getByText(/Inget beslut registrerat/)).toBeTruthy();
    const outcome = within(form).getByRole('combobox', { name: 'Beslut' });
    expect(
      within(outcome)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Godkänd', 'Återremitterad', 'Noterad']);
    await userEvent.selectOptions(outcome, 'noted');
    await screen.findByRole('option', { name: 'Kommunstyrelsen' });
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Beslutande organ' }), BOARD);
    await userEvent.type(within(form).getByLabelText(/Sammanträdesdatum/), '2026-09-16');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Paragraf' }), '§ 95');
    await userEvent.click(within(form).getByRole('button', { name: 'Registrera beslut' }));
    expect(await within(form).findByText('Beslutet är registrerat.')).toBeTruthy();
    const put = seen.find((request) => request.method === 'PUT')!;
    expect(put.url).toContain('/issued-reports/01900000-0000-7000-8000-0000000000a1/decision');
    expect(put.body).toEqual({
      decisionUnitId: BOARD,
      decisionDate: '2026-09-16',
      decisionParagraph: '§ 95',
      diarienummer: null,
      outcome: 'noted',
    });
  });

  test('shows the recorded decision and replaces it naming its version', async () => {
    const seen = serve();
    renderWithApp(<RecordDecisionForm reports={[issued('01900000-0000-7000-8000-0000000000a2', recorded)]} />);
    const form = await screen.findByRole('region', { name: 'Registrera beslut' });
    expect(within(form).getByText(/Återremitterad, Kommunstyrelsen .* § 95, dnr KS-2026-120/)).toBeTruthy();
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Beslut' }), 'approved');
    await userEvent.click(within(form).getByRole('button', { name: 'Registrera beslut' }));
    await within(form).findByText('Beslutet är registrerat.');
    expect(seen.find((request) => request.method === 'PUT')!.body).toMatchObject({
      outcome: 'approved',
      decisionDate: '2026-09-16',
      version: 3,
    });
  });
});
