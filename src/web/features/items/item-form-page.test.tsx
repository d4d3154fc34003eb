import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import { CONTROL, RISK, VOCABULARIES, planReads, vocabularyRef } from '../../../../test/web/plan-fixtures.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { ItemFormPage } from './item-form-page.tsx';

afterEach(() => setCsrfToken(null));

/** Answers the reads of the control form; a write answers with the control as sent. */
function server() {
  return answerFetch((request) =>
    planReads(request, (path) => {
      if (path === `/api/v1/risks/${RISK.id}`) return json(RISK);
      if (path === `/api/v1/controls/${CONTROL.id}`)
        return json(
          request.method === 'PATCH'
            ? { ...CONTROL, version: 2 }
            : {
                ...CONTROL,
                method: vocabularyRef(VOCABULARIES.control_method![1]!),
                frequency: { kind: 'quarterly' },
                reportsTo: ['director'],
                checkpoints: ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'],
              },
        );
      if (path === '/api/v1/controls' && request.method === 'POST')
        return json({ ...CONTROL, ...(request.body as object) }, 201);
      return undefined;
    }),
  );
}

describe('the control form', () => {
  test('a new control: its method, a frequency of given dates that shows the checkpoints it gives, and whom it reports to', async () => {
    setCsrfToken('csrf-1');
    const seen = server();
    renderScreen('/formular', () => <ItemFormPage kind="control" riskId={RISK.id} />);
    const user = userEvent.setup();

    const method = await screen.findByRole('combobox', { name: 'Metod' });
    expect(
      within(method)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Ingen vald', 'Stickprov', 'Avstämning']);
    await user.type(screen.getByRole('textbox', { name: 'Rubrik' }), 'Kontroll av attester');
    await user.selectOptions(method, 'Stickprov');
    await user.type(screen.getByRole('textbox', { name: 'Omfattning och urval' }), '10 fakturor');

    const frequency = screen.getByRole('combobox', { name: 'Frekvens' });
    await user.selectOptions(frequency, 'Varje kvartal');
    expect(screen.getByText(/^Ger 4 avstämningsdatum:/)).toBeTruthy();

    await user.selectOptions(frequency, 'Givna datum');
    const dates = screen.getByRole('group', { name: 'Givna datum' });
    fireEvent.change(within(dates).getByLabelText('Datum 1'), { target: { value: '2026-05-15' } });
    await user.click(within(dates).getByRole('button', { name: 'Lägg till datum' }));
    fireEvent.change(within(dates).getByLabelText('Datum 2'), { target: { value: '2026-11-15' } });
    await user.click(within(dates).getByRole('button', { name: 'Lägg till datum' }));
    await user.click(within(dates).getByRole('button', { name: 'Ta bort datum 3' }));
    expect(screen.getByText(/^Ger 2 avstämningsdatum:/)).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: 'Tidpunkt för rapportering' }), 'Med tertialrapporten');
    const recipients = screen.getByRole('group', { name: 'Rapporteras till' });
    await user.click(within(recipients).getByRole('checkbox', { name: 'Kommunstyrelsen' }));
    await user.click(within(recipients).getByRole('checkbox', { name: 'Nämnden' }));
    await user.click(screen.getByRole('button', { name: 'Spara' }));

    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')!.body).toMatchObject({
      riskId: RISK.id,
      title: 'Kontroll av attester',
      methodId: 'v-stickprov',
      scope: '10 fakturor',
      frequency: { kind: 'dates', dates: ['2026-05-15', '2026-11-15'] },
      reportingTime: 'Med tertialrapporten',
      // In the plan's order, whatever order they were ticked in.
      reportsTo: ['committee', 'executive_board'],
    });
  });

  test('a control’s stored method, frequency and recipients fill the form; clearing the frequency sends null', async () => {
    setCsrfToken('csrf-1');
    const seen = server();
    renderScreen('/formular', () => <ItemFormPage kind="control" itemId={CONTROL.id} />);
    const user = userEvent.setup();

    const method = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Metod' });
    expect(method.value).toBe('v-avstamning');
    const frequency = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Frekvens' });
    expect(frequency.value).toBe('quarterly');
    expect(screen.getByText(/Avstämningsdatum räknas fram från frekvensen/)).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Förvaltningschefen' }).checked).toBe(true);

    await user.selectOptions(frequency, 'Ingen frekvens');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'PATCH')).toBe(true));
    expect(seen.find((request) => request.method === 'PATCH')!.body).toMatchObject({
      version: 1,
      methodId: 'v-avstamning',
      frequency: null,
      reportsTo: ['director'],
      checkpoints: ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'],
    });
  });

  test('an action made from a deviation (Skapa åtgärd) starts from its title and description and is sent to answer it', async () => {
    setCsrfToken('csrf-1');
    const deviation = {
      id: 'd1',
      controlId: CONTROL.id,
      title: 'Attest saknas',
      description: 'Två av tjugo utbetalningar saknade attest.',
    };
    const seen = answerFetch((request) =>
      planReads(request, (path) => {
        if (path === `/api/v1/risks/${RISK.id}`) return json(RISK);
        if (path === `/api/v1/deviations/${deviation.id}`) return json(deviation);
        if (path === '/api/v1/actions' && request.method === 'POST')
          return json({ ...CONTROL, id: 'a1', ...(request.body as object) }, 201);
        return undefined;
      }),
    );
    const { router } = renderScreen('/formular', () => (
      <ItemFormPage kind="action" riskId={RISK.id} deviationId={deviation.id} />
    ));
    const user = userEvent.setup();

    const title = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Rubrik' });
    expect(title.value).toBe('Attest saknas');
    expect(
      screen.getByText('Åtgärden svarar mot avvikelsen Attest saknas. Den kopplas till avvikelsen när du sparar.'),
    ).toBeTruthy();
    await user.clear(title);
    await user.type(title, 'Inför attest före utbetalning');
    await user.click(screen.getByRole('button', { name: 'Spara' }));

    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')!.body).toMatchObject({
      riskId: RISK.id,
      title: 'Inför attest före utbetalning',
      whatToDo: 'Två av tjugo utbetalningar saknade attest.',
      deviationId: deviation.id,
    });
    // Back to the deviation, which now names the action.
    await waitFor(() => expect(router.state.location.pathname).toBe(`/avvikelser/${deviation.id}`));
  });
});
