import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { administratorOf, NAMND_UNIT, ROOT_UNIT } from '../../../../test/web/admin-fixtures.ts';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import type { VocabularyEntry } from '../../api/vocabularies.ts';
import { VocabulariesAdminPage } from './vocabularies-admin-page.tsx';

function entry(
  id: string,
  kind: VocabularyEntry['kind'],
  labelSv: string,
  labelEn: string,
  changes: Partial<VocabularyEntry> = {},
): VocabularyEntry {
  return {
    id,
    kind,
    key: id,
    labelSv,
    labelEn,
    description: null,
    reportImmediately: false,
    sortOrder: 0,
    validFromYear: null,
    validToYear: null,
    archivedAt: null,
    version: 1,
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    ...changes,
  };
}

const ENTRIES = [
  entry('ekonomi', 'process', 'Ekonomi', 'Finance'),
  entry('upphandling', 'process', 'Upphandling', 'Procurement', { validFromYear: 2025, validToYear: 2026 }),
  entry('gammal', 'process', 'Gammal process', 'Old process', { archivedAt: '2026-02-01T09:00:00.000Z' }),
  entry('legal-risk', 'risk_category', 'Legal risk', 'Legal risk'),
  entry('stickprov', 'control_method', 'Stickprov', 'Sample check', { validFromYear: 2026 }),
  entry('very_significant', 'deviation_severity', 'Mycket väsentlig', 'Very significant', {
    description: 'Allvarlig brist som genast rapporteras till nämnden.',
    reportImmediately: true,
  }),
];

/** A server with the tenant's units, its vocabularies and the signed-in person; `write` answers the writes. */
function server({ me = administratorOf(), write = (): Response => json({}) } = {}) {
  let entries = [...ENTRIES];
  return answerFetch((request) => {
    const path = request.url.split('?')[0];
    if (path === '/api/v1/me') return json(me);
    if (path === '/api/v1/org-units')
      return json({
        items: [ROOT_UNIT, NAMND_UNIT].map((unit) => ({ ...unit, archivedAt: null, version: 1 })),
        total: 2,
      });
    if (path === '/api/v1/vocabularies' && request.method === 'GET')
      return json({ items: entries, total: entries.length });
    const answer = write();
    if (answer.ok) {
      const archive = /^\/api\/v1\/vocabularies\/([^/]+)\/(archive|restore)$/.exec(path!);
      if (archive)
        entries = entries.map((one) =>
          one.id === archive[1]
            ? {
                ...one,
                archivedAt: archive[2] === 'archive' ? '2026-03-02T09:00:00.000Z' : null,
                version: one.version + 1,
              }
            : one,
        );
    }
    return answer;
  });
}

/** A vocabulary's section, found by its heading. */
const section = async (name: string) =>
  (await screen.findByRole('heading', { level: 2, name })).closest('section') as HTMLElement;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('VocabulariesAdminPage: the tenant’s lists and terms', () => {
  test('shows each vocabulary as a table with labels, description, years offered and archived state', async () => {
    server();
    renderScreen('/administration/val-och-begrepp', VocabulariesAdminPage);
    expect(await screen.findByRole('heading', { level: 1, name: 'Val och begrepp' })).toBeTruthy();
    const processes = within(await section('Processer / kontrollområden')).getByRole('table');
    const rows = within(processes).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('SvenskaEngelskaBeskrivningErbjuds årLägeÅtgärder'),
      expect.stringContaining('EkonomiFinanceAlla årAktiv'),
      expect.stringContaining('UpphandlingProcurement2025–2026Aktiv'),
      expect.stringContaining('Gammal processOld processAlla årArkiverad'),
    ]);
    expect(within(rows[3]!).getByRole('button', { name: 'Återställ Gammal process' })).toBeTruthy();
    const methods = within(await section('Kontrollmetoder')).getByRole('table');
    expect(within(methods).getByText('Från 2026')).toBeTruthy();
    const severities = within(await section('Avvikelsers allvarlighetsgrad')).getByRole('table');
    expect(within(severities).getByRole('columnheader', { name: 'Rapporteras genast' })).toBeTruthy();
    const severity = within(severities).getByRole('row', { name: /Mycket väsentlig/ });
    expect(severity.textContent).toContain('Allvarlig brist som genast rapporteras till nämnden.');
    expect(severity.textContent).toContain('Ja');
    // Only severities have the column.
    expect(within(processes).queryByRole('columnheader', { name: 'Rapporteras genast' })).toBeNull();
  });

  test('adds an entry to a list; the key is left to the server unless given', async () => {
    const seen = server({ write: () => json(entry('lokaler', 'process', 'Lokaler', 'Premises'), 201) });
    renderScreen('/administration/val-och-begrepp', VocabulariesAdminPage);
    const processes = await section('Processer / kontrollområden');
    await userEvent.click(within(processes).getByText('Ny process eller nytt kontrollområde'));
    const form = within(processes).getByRole('region', { name: 'Ny process eller nytt kontrollområde' });
    await userEvent.type(within(form).getByLabelText('Namn på svenska'), 'Lokaler');
    await userEvent.type(within(form).getByLabelText('Första år'), '2027');
    await userEvent.click(within(form).getByRole('button', { name: 'Lägg till' }));
    await waitFor(() => expect(within(processes).getByRole('status').textContent).toBe('Valet Lokaler är tillagt.'));
    expect(seen.find((request) => request.method === 'POST')).toMatchObject({
      url: '/api/v1/vocabularies',
      body: {
        kind: 'process',
        labelSv: 'Lokaler',
        labelEn: 'Lokaler',
        description: null,
        validFromYear: 2027,
        validToYear: null,
      },
    });
    expect(seen.find((request) => request.method === 'POST')!.body).not.toHaveProperty('key');
    expect(seen.find((request) => request.method === 'POST')!.body).not.toHaveProperty('reportImmediately');
  });

  test('edits a severity with the version read, including whether it is reported at once', async () => {
    const seen = server({
      write: () =>
        json(entry('very_significant', 'deviation_severity', 'Mycket väsentlig', 'Very significant', { version: 2 })),
    });
    renderScreen('/administration/val-och-begrepp', VocabulariesAdminPage);
    const severities = await section('Avvikelsers allvarlighetsgrad');
    await userEvent.click(within(severities).getByRole('button', { name: 'Ändra Mycket väsentlig' }));
    const form = within(severities).getByRole('region', { name: 'Ändra Mycket väsentlig' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Ändra Mycket väsentlig'));
    await userEvent.click(within(form).getByLabelText('Rapporteras genast'));
    await userEvent.clear(within(form).getByLabelText('Sista år'));
    await userEvent.type(within(form).getByLabelText('Sista år'), '2030');
    await userEvent.click(within(form).getByRole('button', { name: 'Spara Mycket väsentlig' }));
    await waitFor(() =>
      expect(within(severities).getByRole('status').textContent).toBe('Valet Mycket väsentlig är sparat.'),
    );
    expect(seen.find((request) => request.method === 'PATCH')).toMatchObject({
      url: '/api/v1/vocabularies/very_significant',
      body: { version: 1, reportImmediately: false, validToYear: 2030, labelEn: 'Very significant' },
    });
    expect(within(severities).queryByRole('region', { name: 'Ändra Mycket väsentlig' })).toBeNull();
  });

  test('the server’s refusal of the years is shown at the field', async () => {
    server({
      write: () =>
        json(
          {
            type: 'urn:uppsikt:problem:validation_failed',
            title: 'Uppgifterna är inte giltiga.',
            status: 400,
            errors: [{ path: 'validToYear', message: 'Sista året (2024) ligger före första året (2025).' }],
          },
          400,
        ),
    });
    renderScreen('/administration/val-och-begrepp', VocabulariesAdminPage);
    const processes = await section('Processer / kontrollområden');
    await userEvent.click(within(processes).getByRole('button', { name: 'Ändra Upphandling' }));
    const form = within(processes).getByRole('region', { name: 'Ändra Upphandling' });
    await userEvent.clear(within(form).getByLabelText('Sista år'));
    await userEvent.type(within(form).getByLabelText('Sista år'), '2024');
    await userEvent.click(within(form).getByRole('button', { name: 'Spara Upphandling' }));
    await within(form).findByRole('alert');
    const field = within(form).getByLabelText('Sista år');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent).toContain(
      'Sista året (2024)',
    );
  });

  test('archives after asking, and restores', async () => {
    const seen = server({ write: () => json(entry('ekonomi', 'process', 'Ekonomi', 'Finance', { version: 2 })) });
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    renderScreen('/administration/val-och-begrepp', VocabulariesAdminPage);
    const processes = await section('Processer / kontrollområden');
    await userEvent.click(within(processes).getByRole('button', { name: 'Arkivera Ekonomi' }));
    await waitFor(() => expect(within(processes).getByRole('status').textContent).toBe('Valet Ekonomi är arkiverat.'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Arkivera valet Ekonomi?'));
    await within(processes).findByRole('button', { name: 'Återställ Ekonomi' });
    await userEvent.click(within(processes).getByRole('button', { name: 'Återställ Gammal process' }));
    await waitFor(() =>
      expect(within(processes).getByRole('status').textContent).toBe('Valet Gammal process är återställt.'),
    );
    expect(seen.filter((request) => request.method === 'POST').map((request) => request.url)).toEqual([
      '/api/v1/vocabularies/ekonomi/archive',
      '/api/v1/vocabularies/gammal/restore',
    ]);
  });

  test('a person who is not the tenant administrator reads the lists and is offered no change', async () => {
    server({ me: administratorOf(NAMND_UNIT.id) });
    renderScreen('/administration/val-och-begrepp', VocabulariesAdminPage);
    const processes = await section('Processer / kontrollområden');
    expect(within(processes).getByRole('row', { name: /Ekonomi/ })).toBeTruthy();
    expect(screen.getByText('Bara organisationens administratör kan ändra listorna.')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(within(processes).queryByRole('columnheader', { name: 'Åtgärder' })).toBeNull();
    expect(within(processes).queryByText('Ny process eller nytt kontrollområde')).toBeNull();
  });
});
