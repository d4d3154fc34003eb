import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import { CONTROL, PLAN, RISK, planReads } from '../../../../test/web/plan-fixtures.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { ItemFormPage } from './item-form-page.tsx';

afterEach(() => setCsrfToken(null));

const EDITABLE = { version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const fn = (id: string, name: string, holder: string | null) => ({
  id,
  unitId: PLAN.unitId,
  name,
  isManager: false,
  currentHolder: holder
    ? {
        id: `h-${id}`,
        functionId: id,
        userId: 'p1',
        userName: holder,
        validFrom: '2025-01-01',
        validTo: null,
        ...EDITABLE,
      }
    : null,
  holders: [],
  archivedAt: null,
  ...EDITABLE,
});

describe('the control’s responsible function', () => {
  test('offers the functions of the plan’s unit and those above, with today’s holder, and sends the one chosen', async () => {
    setCsrfToken('csrf-1');
    const seen = answerFetch((request) =>
      planReads(request, (path) => {
        if (path === `/api/v1/risks/${RISK.id}`) return json(RISK);
        if (path === '/api/v1/unit-functions')
          return json({ items: [fn('f1', 'Ekonomichef', 'Karin Lund'), fn('f2', 'Controller', null)], total: 2 });
        if (path === '/api/v1/controls' && request.method === 'POST')
          return json({ ...CONTROL, ...(request.body as object) }, 201);
        return undefined;
      }),
    );
    renderScreen('/formular', () => <ItemFormPage kind="control" riskId={RISK.id} />);
    const user = userEvent.setup();

    const select = await screen.findByRole('combobox', { name: 'Kontrollansvarig funktion' });
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(3));
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Ingen funktion', 'Ekonomichef (Karin Lund)', 'Controller']);
    const listed = seen.find((request) => request.url.includes('/unit-functions'))!;
    expect(new URL(listed.url, 'http://localhost').searchParams.get('includeAncestors')).toBe('true');
    expect(new URL(listed.url, 'http://localhost').searchParams.get('unitId')).toBe(PLAN.unitId);

    await user.type(screen.getByRole('textbox', { name: 'Rubrik' }), 'Attest av fakturor');
    await user.selectOptions(select, 'f1');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')!.body).toMatchObject({ responsibleFunctionId: 'f1' });
  });
});
