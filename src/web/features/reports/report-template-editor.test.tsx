import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { answerFetch, json, type SeenRequest } from '../../../../test/web/fake-fetch.ts';
import { renderWithApp } from '../../../../test/web/render.tsx';
import { ReportTemplateEditor } from './report-template-editor.tsx';

const UNIT = '01900000-0000-7000-8000-000000000001';

/**
 * The server: no template yet; the preview echoes the cover title it was sent; a save answers
 * version 1 (then 2 …), and from then on the template is there when read.
 */
function serve(refuse?: { path: string; message: string }): SeenRequest[] {
  let saved: Record<string, unknown> | null = null;
  return answerFetch((request) => {
    if (request.url.includes('/report-templates/preview')) {
      const settings = (request.body as { settings: { cover: { title: string | null } } }).settings;
      return new Response(`<!doctype html><p>Omslag: ${settings.cover.title ?? 'ingen'}</p>`, {
        status: 200,
        headers: { 'content-type': 'text/html' },
      });
    }
    if (request.method === 'PUT') {
      if (refuse)
        return json(
          { type: 'about:blank', title: 'Ogiltiga uppgifter', status: 400, detail: refuse.message, errors: [refuse] },
          400,
        );
      saved = {
        id: '01900000-0000-7000-8000-0000000000f1',
        unitId: UNIT,
        settings: (request.body as { settings: unknown }).settings,
        logo: null,
        version: saved === null ? 1 : (saved.version as number) + 1,
        updatedAt: '2026-06-15T10:00:00.000Z',
      };
      return json(saved);
    }
    return json({ template: saved, inherited: null });
  });
}

describe('Rapportmall on the Rapporter screen', () => {
  test('edits the template, shows the report in it before saving, and saves sections in the chosen order', async () => {
    const seen = serve();
    renderWithApp(<ReportTemplateEditor kind="plan" unitId={UNIT} period="2026" tenantAdmin={false} />);
    const form = await screen.findByRole('form', { name: 'Rapportmall' });
    expect(within(form).getByText(/neutrala utseende/)).toBeTruthy();
    // The organisation's template is the tenant administrator's: no choice of scope here.
    expect(screen.queryByRole('radio', { name: 'Hela organisationen' })).toBeNull();

    await userEvent.click(within(form).getByRole('checkbox', { name: 'Börja rapporten med ett försättsblad' }));
    await userEvent.type(within(form).getByRole('textbox', { name: 'Rubrik på försättsbladet' }), 'Plan för {{nämnd}');
    await userEvent.type(
      within(form).getByRole('textbox', { name: 'Organisationens namn och adress' }),
      'Exempelby kommun',
    );
    // The live preview: the report with the settings not saved yet.
    const frame = await screen.findByTitle('Internkontrollplan för beslut med mallen', {}, { timeout: 3000 });
    await expect.poll(() => frame.getAttribute('srcdoc'), { timeout: 3000 }).toContain('Omslag: Plan för {nämnd}');
    expect(seen.some((request) => request.method === 'PUT')).toBe(false);

    // Risks first, the risk matrix left out, a standard text for the decision.
    const sections = within(form).getAllByRole('listitem');
    expect(sections.map((item) => within(item).getByRole('checkbox').parentElement!.textContent.trim())).toEqual([
      'Ta med Beslut',
      'Ta med Riskmatris',
      'Ta med Risker',
    ]);
    await userEvent.click(within(form).getByRole('button', { name: 'Flytta upp Risker' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Flytta upp Risker' }));
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Ta med Riskmatris' }));
    await userEvent.type(within(form).getByRole('textbox', { name: 'Standardtext för Beslut' }), 'Beslutat för {{år}.');
    await userEvent.click(within(form).getByRole('button', { name: 'Spara mallen' }));
    expect(await within(form).findByText('Mallen är sparad.')).toBeTruthy();
    const put = seen.find((request) => request.method === 'PUT')!;
    expect(put.url).toContain('/report-templates');
    expect(put.body).toMatchObject({
      unitId: UNIT,
      settings: {
        letterhead: 'Exempelby kommun',
        cover: { enabled: true, title: 'Plan för {nämnd}' },
        kinds: {
          plan: {
            sections: [
              { key: 'risks', included: true, text: null },
              { key: 'decision', included: true, text: 'Beslutat för {år}.' },
              { key: 'risk-matrix', included: false, text: null },
            ],
          },
        },
      },
    });
    expect(put.body).not.toHaveProperty('version');

    // The template now exists and is read again: the confirmation stays, and the next save
    // writes against the version the first one made.
    await expect
      .poll(() => seen.filter((request) => request.method === 'GET' && !request.url.includes('preview')).length)
      .toBeGreaterThan(1);
    expect(within(form).getByText('Mallen är sparad.')).toBeTruthy();
    await userEvent.click(within(form).getByRole('button', { name: 'Spara mallen' }));
    await expect.poll(() => seen.filter((request) => request.method === 'PUT').length).toBe(2);
    expect(seen.filter((request) => request.method === 'PUT')[1]!.body).toMatchObject({ version: 1 });
  });

  test('a field the server refuses is named at its field', async () => {
    serve({ path: 'settings.footer.text', message: 'Fältet {foo} finns inte.' });
    renderWithApp(<ReportTemplateEditor kind="deviations" unitId={UNIT} period="2026" tenantAdmin />);
    const form = await screen.findByRole('form', { name: 'Rapportmall' });
    expect(screen.getByRole('radio', { name: 'Hela organisationen' })).toBeTruthy();
    await userEvent.type(within(form).getByRole('textbox', { name: 'Sidfotens text' }), 'Sida {{foo}');
    await userEvent.click(within(form).getByRole('button', { name: 'Spara mallen' }));
    const field = within(form).getByRole('textbox', { name: 'Sidfotens text' });
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getAllByText('Fältet {foo} finns inte.').length).toBeGreaterThan(0);
  });
});
