import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import { PLAN, RISK, planReads, vocabularyEntry, vocabularyRef } from '../../../../test/web/plan-fixtures.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { RiskFormPage } from './risk-form-page.tsx';

afterEach(() => setCsrfToken(null));

const optionsOf = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((option) => option.textContent);

describe('the risk form', () => {
  test('a new risk takes its process and category from the lists offered for the plan’s year, its owner, response and references', async () => {
    setCsrfToken('csrf-1');
    const seen = answerFetch((request) =>
      planReads(request, (path) =>
        path === '/api/v1/risks' && request.method === 'POST'
          ? json({ ...RISK, ...(request.body as object) }, 201)
          : undefined,
      ),
    );
    renderScreen('/formular', () => <RiskFormPage planId={PLAN.id} />);
    const user = userEvent.setup();

    const process = await screen.findByRole('combobox', { name: 'Process/område' });
    expect(optionsOf(process)).toEqual(['Ingen vald', 'Ekonomi', 'Personal']);
    const vocabularyReads = seen
      .filter((request) => request.url.startsWith('/api/v1/vocabularies'))
      .map((request) => new URL(request.url, 'http://localhost').searchParams);
    expect(vocabularyReads.map((query) => [query.get('kind'), query.get('year')])).toEqual(
      expect.arrayContaining([
        ['process', '2026'],
        ['risk_category', '2026'],
      ]),
    );
    // Persons who have left are not offered.
    expect(optionsOf(screen.getByRole('combobox', { name: 'Riskägare' }))).toEqual([
      'Ingen vald',
      'Anders Berg',
      'Karin Lund',
    ]);

    await user.type(screen.getByRole('textbox', { name: 'Risk' }), 'Jäv vid upphandling');
    await user.selectOptions(process, 'Ekonomi');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Riskkategori' }), 'Oegentligheter och korruption');
    await user.type(screen.getByRole('textbox', { name: 'Orsak' }), 'Otydliga rutiner');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Riskägare' }), 'Karin Lund');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Hantering av risken' }), 'Kontrollera');
    await user.type(screen.getByRole('textbox', { name: 'Motivering till hanteringen' }), 'Hög risk');
    await user.type(screen.getByRole('textbox', { name: 'Lagar, regler och styrdokument' }), 'LOU');
    await user.click(screen.getByRole('button', { name: 'Spara' }));

    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')!.body).toEqual({
      planId: PLAN.id,
      title: 'Jäv vid upphandling',
      description: null,
      processId: 'v-ekonomi',
      categoryId: 'v-oegentligheter',
      cause: 'Otydliga rutiner',
      effect: null,
      ownerId: 'p1',
      response: 'control',
      responseMotivation: 'Hög risk',
      legalReferences: 'LOU',
      likelihood: null,
      consequence: null,
      goalIds: [],
    });
  });

  test('a risk keeps an archived process and an owner who has left; saving sends them unchanged', async () => {
    setCsrfToken('csrf-1');
    const old = vocabularyEntry('process', 'v-gammal', 'Gammal process', { archivedAt: '2026-01-01T00:00:00.000Z' });
    const stored = { ...RISK, process: vocabularyRef(old), ownerId: 'p3', response: 'accept' };
    const seen = answerFetch((request) =>
      planReads(request, (path) => {
        if (path !== `/api/v1/risks/${RISK.id}`) return undefined;
        return request.method === 'PATCH' ? json({ ...stored, version: 2 }) : json(stored);
      }),
    );
    renderScreen('/formular', () => <RiskFormPage riskId={RISK.id} />);
    const user = userEvent.setup();

    const process = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Process/område' });
    expect(optionsOf(process)).toEqual(['Ingen vald', 'Ekonomi', 'Personal', 'Gammal process']);
    expect(process.value).toBe('v-gammal');
    const owner = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Riskägare' });
    expect(within(owner).getByRole('option', { name: 'Greta Slutat (borttagen)' })).toBeTruthy();
    expect(owner.value).toBe('p3');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Hantering av risken' }).value).toBe('accept');

    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'PATCH')).toBe(true));
    expect(seen.find((request) => request.method === 'PATCH')!.body).toMatchObject({
      version: 1,
      processId: 'v-gammal',
      categoryId: null,
      ownerId: 'p3',
      response: 'accept',
    });
  });
});
