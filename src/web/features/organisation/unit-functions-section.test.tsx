import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { answerConfirm, renderScreen } from '../../../../test/web/render.tsx';
import { PEOPLE } from '../../../../test/web/plan-fixtures.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { UnitFunctionsSection } from './unit-functions-section.tsx';

afterEach(() => setCsrfToken(null));

const EDITABLE = { version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const holding = {
  id: 'h1',
  functionId: 'f1',
  userId: 'p1',
  userName: 'Karin Lund',
  validFrom: '2025-01-01',
  validTo: null,
  ...EDITABLE,
};
const EKONOMICHEF = {
  id: 'f1',
  unitId: 'u-sn',
  name: 'Ekonomichef',
  isManager: false,
  currentHolder: holding,
  holders: [holding],
  archivedAt: null,
  ...EDITABLE,
};
const CONTROLLER = { ...EKONOMICHEF, id: 'f2', name: 'Controller', currentHolder: null, holders: [] };

function server() {
  return answerFetch((request) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/api/v1/unit-functions' && request.method === 'GET')
      return json({ items: [EKONOMICHEF, CONTROLLER], total: 2 });
    if (path === '/api/v1/unit-functions' && request.method === 'POST')
      return json({ ...CONTROLLER, id: 'f3', name: (request.body as { name: string }).name }, 201);
    if (path === '/api/v1/unit-functions/f2/holders') return json(CONTROLLER, 201);
    if (path === '/api/v1/unit-functions/f1/holders/h1/end') return json(EKONOMICHEF);
    if (path === '/api/v1/users') return json({ items: PEOPLE, total: PEOPLE.length });
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  });
}

describe('the functions of a unit', () => {
  test('each function with today’s holder; a manager adds a function, names a holder and ends a holding', async () => {
    setCsrfToken('csrf-1');
    const seen = server();
    const asked = answerConfirm(true);
    renderScreen('/enhet', () => <UnitFunctionsSection unitId="u-sn" mayManage />);
    const user = userEvent.setup();

    const table = await screen.findByRole('table', { name: 'Funktioner' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('Karin Lund');
    expect(rows[2]!.textContent).toContain('Vakant');

    await user.type(screen.getByRole('textbox', { name: 'Funktion' }), 'Nämndsekreterare');
    await user.click(screen.getByRole('button', { name: 'Lägg till funktion' }));
    await waitFor(() => expect(screen.getByText('Funktionen Nämndsekreterare är tillagd.')).toBeTruthy());
    expect(seen.find((request) => request.method === 'POST')!.body).toEqual({
      unitId: 'u-sn',
      name: 'Nämndsekreterare',
    });

    const holderForm = screen.getByRole('form', { name: 'Ange innehavare' });
    await user.selectOptions(within(holderForm).getByRole('combobox', { name: 'Funktion' }), 'Controller');
    const person = within(holderForm).getByRole('combobox', { name: 'Innehavare' });
    // Deactivated persons are not offered.
    expect(within(person).queryByRole('option', { name: 'Greta Slutat' })).toBeNull();
    await user.selectOptions(person, 'Anders Berg');
    await user.clear(within(holderForm).getByLabelText('Från och med'));
    await user.type(within(holderForm).getByLabelText('Från och med'), '2026-07-01');
    await user.click(within(holderForm).getByRole('button', { name: 'Spara innehavare' }));
    await waitFor(() =>
      expect(seen.find((request) => request.url.endsWith('/f2/holders'))?.body).toEqual({
        userId: 'p2',
        validFrom: '2026-07-01',
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Avsluta innehav Ekonomichef' }));
    await waitFor(() => expect(seen.some((request) => request.url.endsWith('/h1/end'))).toBe(true));
    expect(asked).toEqual(['Avsluta Karin Lunds innehav av funktionen Ekonomichef i dag? Historiken finns kvar.']);
  });

  test('those who only read see the functions and no forms', async () => {
    server();
    renderScreen('/enhet', () => <UnitFunctionsSection unitId="u-sn" mayManage={false} />);
    await screen.findByRole('table', { name: 'Funktioner' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
