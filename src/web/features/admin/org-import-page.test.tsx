import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, json, type SeenRequest } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import type { OrgImportPreview, OrgImportResult } from '../../api/org-import.ts';
import { roleAssignmentKeys } from '../../api/role-assignments.ts';
import { userKeys } from '../../api/users.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { OrgImportPage } from './org-import-page.tsx';
import { administratorOf, NAMND_UNIT, ROOT_UNIT } from '../../../../test/web/admin-fixtures.ts';

const ROOT = ROOT_UNIT;
const NAMND = NAMND_UNIT;
const who = administratorOf;

const UNITS_FILE = 'Namn;Typ;Överordnad;Kod\r\nSocialförvaltningen;Förvaltning;Socialnämnden;SF\r\n';
/** The file's bytes in UTF-8, base64-encoded (as Node's Buffer writes them). */
const UNITS_FILE_BASE64 =
  'TmFtbjtUeXA7w5Z2ZXJvcmRuYWQ7S29kDQpTb2NpYWxmw7ZydmFsdG5pbmdlbjtGw7ZydmFsdG5pbmc7U29jaWFsbsOkbW5kZW47U0YNCg==';

const columns = [
  { column: 1, heading: 'Namn', field: 'name' },
  { column: 2, heading: 'Typ', field: 'kind' },
  { column: 3, heading: 'Överordnad', field: 'parent' },
  { column: 4, heading: 'Kod', field: 'code' },
  { column: 5, heading: 'Anteckning', field: null },
] satisfies OrgImportPreview['columns'];

/** A file of units without errors: one new unit, one renamed and moved, one as it is. */
const cleanPreview: OrgImportPreview = {
  kind: 'units',
  fileName: 'enheter.csv',
  sheet: null,
  headerRow: 1,
  columns,
  rows: [
    {
      row: 2,
      outcome: 'create',
      label: 'Socialförvaltningen',
      changes: [
        { field: 'name', from: null, to: 'Socialförvaltningen' },
        { field: 'kind', from: null, to: 'forvaltning' },
      ],
      errors: [],
    },
    {
      row: 3,
      outcome: 'change',
      label: 'IFO Barn och unga',
      changes: [
        { field: 'name', from: 'Barn och unga', to: 'IFO Barn och unga' },
        { field: 'parent', from: 'Socialnämnden', to: 'Socialförvaltningen' },
      ],
      errors: [],
    },
    { row: 4, outcome: 'unchanged', label: 'Socialnämnden', changes: [], errors: [] },
  ],
  summary: { create: 1, change: 1, unchanged: 1, error: 0 },
  fingerprint: 'fp-1',
};

/** The same file with a row whose parent does not exist, further down than a good row. */
const previewWithErrors: OrgImportPreview = {
  ...cleanPreview,
  sheet: 'Blad1',
  fileName: 'enheter.xlsx',
  rows: [
    ...cleanPreview.rows,
    {
      row: 5,
      outcome: 'error',
      label: 'Okända skolan',
      changes: [],
      errors: [
        { field: 'parent', message: 'Det finns ingen enhet "Skolförvaltningen", varken i filen eller i Uppsikt.' },
      ],
    },
  ],
  summary: { create: 1, change: 1, unchanged: 1, error: 1 },
  fingerprint: 'fp-errors',
};

const imported: OrgImportResult = { kind: 'units', summary: { create: 1, change: 1, unchanged: 1, error: 0 } };

/**
 * A server with the tenant's units and the signed-in person; `imports` answers the import's
 * requests (preview and confirmation) in turn.
 */
function server(imports: ((request: SeenRequest) => Response)[], me = who()) {
  const answers = [...imports];
  return answerFetch((request) => {
    if (request.url === '/api/v1/me') return json(me);
    if (request.url.startsWith('/api/v1/org-units'))
      return json({ items: [ROOT, NAMND].map((unit) => ({ ...unit, archivedAt: null, version: 1 })), total: 2 });
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected request ${request.method} ${request.url}`);
    return answer(request);
  });
}

const importRequests = (seen: SeenRequest[]) => seen.filter((request) => request.url.startsWith('/api/v1/imports'));

/** Chooses a file of units and previews it. */
async function previewUnitsFile(file = new File([UNITS_FILE], 'enheter.csv', { type: 'text/csv' })) {
  await userEvent.upload(await screen.findByLabelText('Fil'), file);
  await userEvent.click(screen.getByRole('button', { name: 'Förhandsgranska' }));
}

const confirmButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Genomför importen' });

afterEach(() => setCsrfToken(null));

describe('OrgImportPage: the organisation in one go', () => {
  test('previews a file of units: what was read, the counts and every row with its changes in words', async () => {
    const seen = server([() => json(cleanPreview)]);
    renderScreen('/administration/import', OrgImportPage);
    expect((await screen.findByRole('radio', { name: 'Enheter' })).getAttribute('type')).toBe('radio');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Enheter' }).checked).toBe(true);
    const example = screen.getByRole('link', { name: 'Ladda ner en exempelfil för enheter (CSV)' });
    expect(decodeURIComponent(example.getAttribute('href')!)).toBe(
      'data:text/csv;charset=utf-8,\uFEFFNamn;Typ;Överordnad;Kod\r\n',
    );
    await previewUnitsFile();

    const heading = await screen.findByRole('heading', { level: 2, name: 'Förhandsgranskning av enheter.csv' });
    expect(document.activeElement).toBe(heading);
    expect(importRequests(seen)).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/api/v1/imports/units/preview',
        body: { fileName: 'enheter.csv', content: UNITS_FILE_BASE64 },
      }),
    ]);
    expect(screen.getByText('Rubrikerna står på rad 1.')).toBeTruthy();
    expect(screen.getByText('Lämnas utanför: ”Anteckning”.')).toBeTruthy();
    expect(screen.getByText('Överordnad', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByText('1 skapas')).toBeTruthy();
    expect(screen.getByText('1 är oförändrad')).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Raderna i filen och vad importen gör med dem' });
    const [, created, changed, unchanged] = within(table).getAllByRole('row');
    expect(within(created!).getByRole('rowheader').textContent).toBe('Socialförvaltningen');
    expect(created!.textContent).toContain('Skapas');
    expect(created!.textContent).toContain('Typ: Förvaltning');
    expect(
      within(changed!)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Byter namn: Barn och unga → IFO Barn och unga',
      'Flyttas: från Socialnämnden till Socialförvaltningen',
    ]);
    expect(unchanged!.textContent).toContain('Oförändrad');
    expect(screen.getByRole('region', { name: 'Raderna i filen och vad importen gör med dem' }).tabIndex).toBe(0);
    expect(confirmButton().disabled).toBe(false);
  });

  test('rows with errors come first and can be shown alone; the import cannot be carried out', async () => {
    server([() => json(previewWithErrors)]);
    renderScreen('/administration/import', OrgImportPage);
    await previewUnitsFile();
    await screen.findByRole('heading', { level: 2, name: 'Förhandsgranskning av enheter.xlsx' });
    expect(screen.getByText('Läst från bladet ”Blad1”, med rubrikerna på rad 1.')).toBeTruthy();
    expect(screen.getByText('1 rad har fel')).toBeTruthy();

    const table = screen.getByRole('table');
    const firstRow = within(table).getAllByRole('row')[1]!;
    expect(firstRow.textContent).toContain('Fel');
    expect(firstRow.textContent).toContain(
      'Överordnad: Det finns ingen enhet "Skolförvaltningen", varken i filen eller i Uppsikt.',
    );
    await userEvent.selectOptions(screen.getByLabelText('Visa'), 'Bara rader med fel');
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Okända skolan']);
    expect(screen.getByRole('status').textContent).toBe('Visar 1 av 4 rader.');

    expect(confirmButton().disabled).toBe(true);
    const help = document.getElementById(confirmButton().getAttribute('aria-describedby')!)!;
    expect(help.textContent).toContain('Rätta raderna med fel i filen och förhandsgranska den igen.');
  });

  test('when the organisation changed since the preview (409), says so, and previews the same file again', async () => {
    const fresh = { ...cleanPreview, fingerprint: 'fp-2' };
    const seen = server([
      () => json(cleanPreview),
      () =>
        json(
          {
            type: 'urn:uppsikt:problem:conflict',
            title: 'Organisationen har ändrats.',
            status: 409,
            detail: 'Förhandsgranska igen.',
          },
          409,
        ),
      () => json(fresh),
      () => json(imported),
    ]);
    renderScreen('/administration/import', OrgImportPage);
    await previewUnitsFile();
    await userEvent.click(confirmButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Organisationen har ändrats sedan förhandsgranskningen, så ingenting importerades.',
    );
    expect(document.activeElement).toBe(alert);
    expect(confirmButton().disabled).toBe(true);

    await userEvent.click(within(alert).getByRole('button', { name: 'Förhandsgranska igen' }));
    await screen.findByText(
      'Allt som förhandsgranskningen visar görs på en gång. Det som är oförändrat lämnas som det är.',
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
    await userEvent.click(confirmButton());
    await screen.findByText(/^Enheterna är importerade/);

    const [, refused, again, confirmed] = importRequests(seen);
    expect(refused).toMatchObject({
      url: '/api/v1/imports/units',
      body: { fileName: 'enheter.csv', content: UNITS_FILE_BASE64, fingerprint: 'fp-1' },
    });
    expect(again).toMatchObject({
      url: '/api/v1/imports/units/preview',
      body: { fileName: 'enheter.csv', content: UNITS_FILE_BASE64 },
    });
    expect(confirmed).toMatchObject({ url: '/api/v1/imports/units', body: { fingerprint: 'fp-2' } });
  });

  test('when the server finds errors on confirming after all, its refusal is shown and the file can be previewed again', async () => {
    const seen = server([
      () => json(cleanPreview),
      () =>
        json(
          {
            type: 'urn:uppsikt:problem:validation_failed',
            title: 'Uppgifterna är inte giltiga.',
            status: 400,
            detail: '1 rad har fel. Rätta filen och förhandsgranska igen; inget har sparats.',
            errors: [{ path: 'rows.3.parent', message: 'Det finns ingen enhet "Socialförvaltningen".' }],
          },
          400,
        ),
      () => json(previewWithErrors),
    ]);
    renderScreen('/administration/import', OrgImportPage);
    await previewUnitsFile();
    await userEvent.click(confirmButton());
    const alert = await screen.findByRole('alert');
    expect(document.activeElement).toBe(alert);
    expect(alert.textContent).toContain('Det finns ingen enhet "Socialförvaltningen".');
    await userEvent.click(screen.getByRole('button', { name: 'Förhandsgranska igen' }));
    await screen.findByText('1 rad har fel');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(confirmButton().disabled).toBe(true);
    expect(importRequests(seen).map((request) => request.url)).toEqual([
      '/api/v1/imports/units/preview',
      '/api/v1/imports/units',
      '/api/v1/imports/units/preview',
    ]);
  });

  test('after the import: the result is read out and has focus, the preview is gone and the units are fetched again', async () => {
    const seen = server([() => json(cleanPreview), () => json(imported)]);
    renderScreen('/administration/import', OrgImportPage);
    await previewUnitsFile();
    await userEvent.click(await screen.findByRole('button', { name: 'Genomför importen' }));

    const status = await screen.findByText('Enheterna är importerade. Nya: 1, ändrade: 1, oförändrade: 1.');
    expect(status.getAttribute('role')).toBe('status');
    expect(document.activeElement).toBe(status);
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Genomför importen' })).toBeNull();
    expect(seen.filter((request) => request.url.startsWith('/api/v1/org-units'))).toHaveLength(2);
  });

  test('a file of people: the new role in words; the persons and their roles are marked stale after the import', async () => {
    const people: OrgImportPreview = {
      kind: 'people',
      fileName: 'personer.csv',
      sheet: null,
      headerRow: 1,
      columns: [
        { column: 1, heading: 'Namn', field: 'name' },
        { column: 2, heading: 'E-post', field: 'email' },
        { column: 3, heading: 'Roll', field: 'role' },
      ],
      rows: [
        {
          row: 2,
          outcome: 'change',
          label: 'Bo Berg',
          changes: [
            { field: 'title', from: 'Handläggare', to: 'Enhetschef' },
            { field: 'role', from: null, to: 'Samordnare – Socialnämnden' },
          ],
          errors: [],
        },
      ],
      summary: { create: 0, change: 1, unchanged: 0, error: 0 },
      fingerprint: 'fp-people',
    };
    const seen = server([() => json(people), () => json({ kind: 'people', summary: people.summary })]);
    const { queryClient } = renderScreen('/administration/import', OrgImportPage);
    queryClient.setQueryData(userKeys.list(), []);
    queryClient.setQueryData(roleAssignmentKeys.list(), []);
    await userEvent.click(await screen.findByRole('radio', { name: 'Personer och roller' }));
    expect(screen.getByRole('link', { name: 'Ladda ner en exempelfil för personer och roller (CSV)' })).toBeTruthy();
    await previewUnitsFile(new File(['Namn;E-post;Titel;Enhet;Roll\n'], 'personer.csv'));
    const row = within(await screen.findByRole('table')).getAllByRole('row')[1]!;
    expect(
      within(row)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Titel: Handläggare → Enhetschef', 'Ny roll: Samordnare – Socialnämnden']);
    await userEvent.click(confirmButton());
    await screen.findByText('Personerna och rollerna är importerade. Nya: 0, ändrade: 1, oförändrade: 0.');
    expect(importRequests(seen).map((request) => request.url)).toEqual([
      '/api/v1/imports/people/preview',
      '/api/v1/imports/people',
    ]);
    expect(queryClient.getQueryState(userKeys.list())?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(roleAssignmentKeys.list())?.isInvalidated).toBe(true);
  });

  test('a file the server cannot read: its message at the file field and above the form', async () => {
    server([
      () =>
        json(
          {
            type: 'urn:uppsikt:problem:validation_failed',
            title: 'Filen kan inte läsas.',
            status: 422,
            errors: [{ path: 'content', message: 'Hittade ingen rad med rubrikerna.' }],
          },
          422,
        ),
    ]);
    renderScreen('/administration/import', OrgImportPage);
    await previewUnitsFile();
    const alert = await screen.findByRole('alert');
    expect(document.activeElement).toBe(alert);
    expect(alert.textContent).toContain('Hittade ingen rad med rubrikerna.');
    const field = screen.getByLabelText('Fil');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const described = (field.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.map((id) => document.getElementById(id)?.textContent)).toContain(
      'Hittade ingen rad med rubrikerna.',
    );
    expect(screen.queryByRole('button', { name: 'Genomför importen' })).toBeNull();
  });

  test('without a file nothing is sent, and the field says what to do', async () => {
    const seen = server([]);
    renderScreen('/administration/import', OrgImportPage);
    await userEvent.click(await screen.findByRole('button', { name: 'Förhandsgranska' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Välj en fil att importera.');
    expect(importRequests(seen)).toEqual([]);
  });

  test('a unit administrator is told that only the organisation’s administrator imports', async () => {
    server([], who(NAMND.id));
    renderScreen('/administration/import', OrgImportPage);
    await screen.findByText(/^Bara organisationens administratör kan importera/);
    expect(screen.queryByLabelText('Fil')).toBeNull();
  });
});
