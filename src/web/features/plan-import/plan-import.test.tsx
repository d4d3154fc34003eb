import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { administratorOf, NAMND_UNIT, ROOT_UNIT } from '../../../../test/web/admin-fixtures.ts';
import { answerFetch, json, type SeenRequest } from '../../../../test/web/fake-fetch.ts';
import { renderWithApp } from '../../../../test/web/render.tsx';
import { importPolling, type PlanImport, type PlanImportRow } from '../../api/plan-imports.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { ImportPage } from './import-page.tsx';
import { OrgPlanImportPage, PlanImportStartPage } from './start-import-pages.tsx';

const PLAN = { id: 'plan-1', title: 'Internkontrollplan 2026', unitId: NAMND_UNIT.id, kind: 'internal_control' };

/** An import of a workbook into the plan, just uploaded: it is being read. */
const reading: PlanImport = {
  id: 'imp-1',
  state: 'reading',
  fileName: 'plan.xlsx',
  format: 'xlsx',
  byteSize: 2048,
  unit: { id: NAMND_UNIT.id, name: NAMND_UNIT.name },
  plan: { id: PLAN.id, title: PLAN.title },
  kind: 'internal_control',
  year: 2026,
  createdAt: '2026-03-02T09:00:00.000Z',
  createdBy: { id: 'p1', name: 'Ada Admin' },
  progress: { phase: 'reading', done: 40, total: 120, percent: 33 },
  mapping: null,
  summary: null,
  newPeople: [],
  errors: [],
  warnings: [],
  fingerprint: null,
  result: null,
  problem: null,
  finishedAt: null,
};

const ready: PlanImport = {
  ...reading,
  state: 'ready',
  progress: null,
  summary: { create: 1, change: 1, unchanged: 3, archive: 1, conflict: 1, error: 0, people: 1 },
  newPeople: ['Nils Nyman'],
  warnings: [{ sheet: 'Plan', row: 9, column: 'F', message: 'Datumet 31/13 går inte att läsa; det lämnas tomt.' }],
  fingerprint: 'fp-1',
};

const withErrors: PlanImport = {
  ...ready,
  summary: { ...ready.summary!, error: 2 },
  fingerprint: 'fp-errors',
};

/** A table of the municipality's own layout: two headings known, one not, one column without a heading. */
const MAPPING: NonNullable<PlanImport['mapping']> = {
  sheet: null,
  headerRows: [1, 2],
  columns: [
    { column: 1, letter: 'A', heading: 'Risk', field: 'risk', recognised: true },
    { column: 2, letter: 'B', heading: 'Kontroll', field: 'control', recognised: true },
    { column: 3, letter: 'C', heading: 'Vem', field: null, recognised: false },
    { column: 4, letter: 'D', heading: '', field: null, recognised: false },
  ],
};

const rows: PlanImportRow[] = [
  {
    key: 'risk:1',
    entity: 'risk',
    outcome: 'create',
    title: 'Felaktiga utbetalningar',
    parent: null,
    sheet: 'Plan',
    row: 4,
    place: null,
    changes: [{ field: 'title', label: 'Titel', from: null, to: 'Felaktiga utbetalningar' }],
    errors: [],
    warnings: [],
  },
  {
    key: 'control:2',
    entity: 'control',
    outcome: 'change',
    title: 'Stickprov på utbetalningar',
    parent: 'Felaktiga utbetalningar',
    sheet: 'Plan',
    row: 5,
    place: null,
    changes: [{ field: 'responsible', label: 'Ansvarig', from: 'Anna Ek', to: 'Nils Nyman' }],
    errors: [],
    warnings: [],
  },
  {
    key: 'action:3',
    entity: 'action',
    outcome: 'conflict',
    title: 'Ny rutin för attest',
    parent: 'Felaktiga utbetalningar',
    sheet: 'Plan',
    row: 6,
    place: null,
    changes: [],
    errors: [],
    warnings: [{ sheet: 'Plan', row: 6, column: 'Status', message: 'Ändrad i Uppsikt sedan exporten.' }],
  },
  {
    key: 'control:4',
    entity: 'control',
    outcome: 'archive',
    title: 'Avstämning av leverantörsreskontra',
    parent: 'Felaktiga utbetalningar',
    sheet: null,
    row: null,
    place: null,
    changes: [],
    errors: [],
    warnings: [],
  },
];

const errorRow: PlanImportRow = {
  key: 'control:7',
  entity: 'control',
  outcome: 'error',
  title: 'Kontroll av behörigheter',
  parent: null,
  sheet: 'Plan',
  row: 12,
  place: null,
  changes: [],
  errors: [{ sheet: 'Plan', row: 12, column: 'C', message: 'Kontrollmomentet saknar risk.' }],
  warnings: [],
};

/**
 * A server with the signed-in tenant administrator, the units and the plan, whose import is
 * `current()` (the test moves it on) and whose saved mappings are `mappings()`; `answer` takes the
 * import's writes.
 */
function server(
  current: () => PlanImport,
  answer: (request: SeenRequest) => Response | undefined = () => undefined,
  mappings: () => unknown[] = () => [],
  rowsOf: (current: PlanImport) => PlanImportRow[] = (current) => (current.summary?.error ? [errorRow, ...rows] : rows),
) {
  return answerFetch((request) => {
    const [path, search = ''] = request.url.split('?');
    const params = new URLSearchParams(search);
    if (path === '/api/v1/me') return json(administratorOf());
    if (path === '/api/v1/org-units')
      return json({
        items: [ROOT_UNIT, NAMND_UNIT].map((unit) => ({ ...unit, archivedAt: null, version: 1 })),
        total: 2,
      });
    if (path === `/api/v1/plans/${PLAN.id}`) return json(PLAN);
    if (request.method === 'GET' && path === '/api/v1/import-mappings') return json({ mappings: mappings() });
    if (request.method === 'GET' && path === '/api/v1/imports') return json({ imports: [current()] });
    if (request.method === 'GET' && path === `/api/v1/imports/${current().id}`) return json(current());
    if (request.method === 'GET' && path === `/api/v1/imports/${current().id}/rows`) {
      const outcomes = params.get('outcome')?.split(',');
      const all = rowsOf(current());
      const shown = outcomes ? all.filter((row) => outcomes.includes(row.outcome)) : all;
      const offset = Number(params.get('offset'));
      return json({ total: shown.length, rows: shown.slice(offset, offset + Number(params.get('limit'))) });
    }
    const answered = answer(request);
    if (answered) return answered;
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  });
}

/** The import screens in a router of their own, at `path`; the plan's page is a heading "Planen". */
function renderImport(path: string) {
  const root = createRootRoute({ component: Outlet });
  const routes = [
    createRoute({ getParentRoute: () => root, path: '/planer/$planId/importera', component: PlanImportStartPage }),
    createRoute({
      getParentRoute: () => root,
      path: '/organisation/importera',
      validateSearch: (search: Record<string, unknown>): { enhet?: string | undefined } => ({
        enhet: typeof search.enhet === 'string' ? search.enhet : undefined,
      }),
      component: OrgPlanImportPage,
    }),
    createRoute({ getParentRoute: () => root, path: '/importer/$importId', component: ImportPage }),
    createRoute({ getParentRoute: () => root, path: '/planer/$planId', component: () => <h1>Planen</h1> }),
  ];
  const router = createRouter({
    routeTree: root.addChildren(routes),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  const result = renderWithApp(<RouterProvider router={router} />);
  return { ...result, router };
}

const writes = (seen: SeenRequest[]) => seen.filter((request) => request.method !== 'GET');
const rowTitles = () =>
  within(screen.getByRole('list', { name: 'Rader' }))
    .getAllByRole('listitem')
    .filter((item) => item.classList.contains('import-row'))
    .map((item) => item.querySelector('.item-title')!.textContent);

const previousInterval = importPolling.intervalMs;
beforeEach(() => {
  importPolling.intervalMs = 20;
});
afterEach(() => {
  importPolling.intervalMs = previousInterval;
  setCsrfToken(null);
});

describe('importing a plan from a file', () => {
  test('upload, progress while read, the preview filtered to conflicts, confirm, progress while written, the result', async () => {
    let current: PlanImport = reading;
    const seen = server(
      () => current,
      (request) => {
        if (request.method === 'POST' && request.url === '/api/v1/imports') return json(reading, 202);
        if (request.method === 'POST' && request.url === '/api/v1/imports/imp-1/confirm') {
          current = { ...ready, state: 'writing', progress: { phase: 'writing', done: 3, total: 4, percent: 75 } };
          return json(current, 202);
        }
        return undefined;
      },
    );
    const { router } = renderImport(`/planer/${PLAN.id}/importera`);
    await screen.findByRole('heading', { level: 1, name: 'Importera till Internkontrollplan 2026' });
    await userEvent.upload(
      screen.getByLabelText('Fil'),
      new File(['plan'], 'plan.xlsx', { type: 'application/octet-stream' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Ladda upp och förhandsgranska' }));

    // Reading: the import's own page, with its progress.
    await waitFor(() => expect(router.state.location.pathname).toBe('/importer/imp-1'));
    expect(writes(seen)[0]).toMatchObject({
      url: '/api/v1/imports',
      body: { planId: PLAN.id, fileName: 'plan.xlsx', content: btoa('plan') },
    });
    await screen.findByRole('heading', { level: 2, name: 'Filen läses' });
    const bar = screen.getByRole('progressbar', { name: 'Hur långt importen har kommit' });
    expect(bar.getAttribute('value')).toBe('40');
    expect(bar.getAttribute('max')).toBe('120');
    const progressText = screen.getByText('33 % klart – 40 av 120 rader');
    expect(progressText.getAttribute('aria-live')).toBe('polite');

    // Ready: the preview.
    current = ready;
    const heading = await screen.findByRole('heading', { level: 2, name: 'Förhandsgranskning' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText('Läge: Förhandsgranskningen är klar.').getAttribute('role')).toBe('status');
    expect(screen.getByText('1 arkiveras')).toBeTruthy();
    expect(screen.getByText('1 konflikt (lämnas som den är i Uppsikt)')).toBeTruthy();
    expect(
      screen.getByText('Blad ”Plan”, rad 9, kolumn F: Datumet 31/13 går inte att läsa; det lämnas tomt.'),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('heading', { name: 'Personer som skapas' }).parentElement!).getByText('Nils Nyman'),
    ).toBeTruthy();
    await screen.findByText('Visar rad 1–4 av 4.');
    expect(rowTitles()).toEqual([
      'Ny Risk: Felaktiga utbetalningar',
      'Ändras Kontrollmoment: Stickprov på utbetalningar',
      'Konflikt Åtgärd: Ny rutin för attest',
      'Arkiveras Kontrollmoment: Avstämning av leverantörsreskontra',
    ]);
    expect(screen.getByText('Ansvarig: Anna Ek → Nils Nyman')).toBeTruthy();
    expect(screen.getByText('Hör till: Felaktiga utbetalningar · Blad ”Plan”, rad 5')).toBeTruthy();

    await userEvent.selectOptions(screen.getByLabelText('Visa'), 'Konflikter');
    await screen.findByText('Visar rad 1–1 av 1.');
    expect(rowTitles()).toEqual(['Konflikt Åtgärd: Ny rutin för attest']);
    expect(screen.getByText('Varning: Kolumn Status: Ändrad i Uppsikt sedan exporten.')).toBeTruthy();
    expect(
      seen.some((request) => request.url === '/api/v1/imports/imp-1/rows?outcome=conflict&offset=0&limit=50'),
    ).toBe(true);

    // Confirmed: written, then done.
    const confirm = screen.getByRole<HTMLButtonElement>('button', { name: 'Importera' });
    expect(confirm.disabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'Importera bara raderna utan fel' })).toBeNull();
    await userEvent.click(confirm);
    await screen.findByRole('heading', { level: 2, name: 'Importen sparas' });
    expect(writes(seen)[1]).toMatchObject({
      url: '/api/v1/imports/imp-1/confirm',
      body: { fingerprint: 'fp-1', validRowsOnly: false },
    });
    expect(screen.getByText('75 % klart – 3 av 4 rader')).toBeTruthy();

    const none = { risks: 0, controls: 0, actions: 0, activities: 0, subActivities: 0, followUps: 0 };
    current = {
      ...ready,
      state: 'done',
      result: {
        planId: PLAN.id,
        created: { ...none, risks: 1, controls: 2 },
        changed: { ...none, controls: 1 },
        archived: none,
        people: 1,
      },
    };
    const done = await screen.findByRole('heading', { level: 2, name: 'Importen är klar' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(screen.getByText('1 risk, 2 kontrollmoment')).toBeTruthy();
    expect(screen.getByText('1 kontrollmoment')).toBeTruthy();
    expect(screen.getByText('inget')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Avbryt import' })).toBeNull();
    await userEvent.click(screen.getByRole('link', { name: 'Till planen' }));
    await screen.findByRole('heading', { level: 1, name: 'Planen' });
  });

  test('the mapping step: recognised columns come chosen, and the chosen fields are sent with the name to save them under', async () => {
    let current: PlanImport = {
      ...reading,
      id: 'imp-2',
      fileName: 'egen-mall.csv',
      format: 'csv',
      state: 'mapping',
      progress: null,
      mapping: MAPPING,
    };
    const seen = server(
      () => current,
      (request) => {
        if (request.method === 'PUT' && request.url === '/api/v1/imports/imp-2/mapping') {
          current = { ...current, state: 'reading', progress: { phase: 'reading', done: 0, total: 10, percent: 0 } };
          return json(current, 202);
        }
        return undefined;
      },
    );
    renderImport('/importer/imp-2');
    await screen.findByRole('heading', { level: 2, name: 'Vad innehåller kolumnerna?' });
    expect(screen.getByText('Rubrikerna står på rad 1–2.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Kolumnerna i filen och vad de innehåller' }).tabIndex).toBe(0);
    const risk = screen.getByLabelText<HTMLSelectElement>('Innehåll i kolumn A (Risk)');
    expect(risk.selectedOptions[0]!.textContent).toBe('Risk');
    const who = screen.getByLabelText<HTMLSelectElement>('Innehåll i kolumn C (Vem)');
    expect(who.selectedOptions[0]!.textContent).toBe('Lämna utanför');
    // Every field a column can hold is offered, and leaving out.
    expect(who.options).toHaveLength(31);

    await userEvent.selectOptions(who, 'Ansvarig');
    await userEvent.selectOptions(screen.getByLabelText('Innehåll i kolumn A (Risk)'), 'Riskbeskrivning');
    await userEvent.type(screen.getByLabelText('Spara mappningen som'), 'Socialförvaltningens mall');
    await userEvent.click(screen.getByRole('button', { name: 'Förhandsgranska igen' }));

    await screen.findByRole('heading', { level: 2, name: 'Filen läses' });
    expect(writes(seen)).toEqual([
      expect.objectContaining({
        method: 'PUT',
        url: '/api/v1/imports/imp-2/mapping',
        body: {
          columns: [
            { column: 1, field: 'riskDescription' },
            { column: 2, field: 'control' },
            { column: 3, field: 'responsible' },
            { column: 4, field: null },
          ],
          saveAs: 'Socialförvaltningens mall',
        },
      }),
    ]);
  });

  test('with rows in error "Importera" is disabled and says why; only the rows without errors can be imported', async () => {
    let current: PlanImport = withErrors;
    const seen = server(
      () => current,
      (request) => {
        if (request.method === 'POST' && request.url === '/api/v1/imports/imp-1/confirm') {
          current = { ...withErrors, state: 'writing', progress: { phase: 'writing', done: 0, total: 4, percent: 0 } };
          return json(current, 202);
        }
        return undefined;
      },
    );
    renderImport('/importer/imp-1');
    await screen.findByText('2 rader har fel');
    await userEvent.selectOptions(screen.getByLabelText('Visa'), 'Fel');
    await screen.findByText('Visar rad 1–1 av 1.');
    expect(rowTitles()).toEqual(['Fel Kontrollmoment: Kontroll av behörigheter']);
    expect(screen.getByText('Fel: Kolumn C: Kontrollmomentet saknar risk.')).toBeTruthy();

    const confirm = screen.getByRole<HTMLButtonElement>('button', { name: 'Importera' });
    expect(confirm.disabled).toBe(true);
    const help = document.getElementById(confirm.getAttribute('aria-describedby')!)!;
    expect(help.textContent).toContain('Importera går inte eftersom rader har fel.');

    await userEvent.click(screen.getByRole('button', { name: 'Importera bara raderna utan fel' }));
    await screen.findByRole('heading', { level: 2, name: 'Importen sparas' });
    expect(writes(seen)).toEqual([
      expect.objectContaining({
        url: '/api/v1/imports/imp-1/confirm',
        body: { fingerprint: 'fp-errors', validRowsOnly: true },
      }),
    ]);
  });

  test('a refused confirmation: the renewed preview says why, prominently', async () => {
    let current: PlanImport = ready;
    server(
      () => current,
      (request) => {
        if (request.method === 'POST' && request.url === '/api/v1/imports/imp-1/confirm') {
          current = {
            ...ready,
            fingerprint: 'fp-2',
            problem: 'Planen har ändrats sedan förhandsgranskningen. Kontrollera den nya förhandsgranskningen.',
          };
          return json(
            { type: 'urn:uppsikt:problem:conflict', title: 'Förhandsgranskningen gäller inte längre.', status: 409 },
            409,
          );
        }
        return undefined;
      },
    );
    renderImport('/importer/imp-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Importera' }));
    const notice = await screen.findByText(/^Planen har ändrats sedan förhandsgranskningen/);
    expect(screen.getAllByRole('alert')).toEqual([notice.closest('[role="alert"]')]);
    expect(screen.getByRole('button', { name: 'Importera' })).toBeTruthy();
  });

  test('a failed import shows its problem, and leads to a new import', async () => {
    server(() => ({
      ...reading,
      state: 'failed',
      progress: null,
      problem: 'Filen är inte en Excel-, CSV- eller Wordfil. Spara den som .xlsx och försök igen.',
    }));
    renderImport('/importer/imp-1');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { level: 2 }).textContent).toBe('Importen misslyckades');
    expect(alert.textContent).toContain('Filen är inte en Excel-, CSV- eller Wordfil.');
    expect(screen.getByRole('link', { name: 'Starta en ny import' }).getAttribute('href')).toBe(
      `/planer/${PLAN.id}/importera`,
    );
    expect(screen.queryByRole('button', { name: 'Avbryt import' })).toBeNull();
  });

  test('a running import can be cancelled', async () => {
    let current: PlanImport = reading;
    const seen = server(
      () => current,
      (request) => {
        if (request.method === 'POST' && request.url === '/api/v1/imports/imp-1/cancel') {
          current = { ...reading, state: 'cancelled', progress: null };
          return json(current);
        }
        return undefined;
      },
    );
    renderImport('/importer/imp-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Avbryt import' }));
    await screen.findByText('Importen är avbruten. Ingenting sparades.');
    expect(writes(seen).map((request) => request.url)).toEqual(['/api/v1/imports/imp-1/cancel']);
  });

  test('for a unit and year: unit, year and kind are sent with the file; running and recent imports are listed', async () => {
    const created = { ...reading, id: 'imp-3', plan: null };
    const seen = server(
      () => created,
      (request) => {
        if (request.method === 'POST' && request.url === '/api/v1/imports') return json(created, 202);
        return undefined;
      },
    );
    const { router } = renderImport(`/organisation/importera?enhet=${NAMND_UNIT.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Importera en plan' });
    const recent = await screen.findByRole('heading', { level: 2, name: 'Pågående och senaste importer' });
    const link = await within(recent.parentElement!).findByRole('link', { name: 'plan.xlsx' });
    expect(link.getAttribute('href')).toBe('/importer/imp-3');
    expect(recent.parentElement!.textContent).toContain('Socialnämnden, 2026 · Läser filen (33 %)');

    expect(screen.getByLabelText<HTMLSelectElement>('Enhet').value).toBe(NAMND_UNIT.id);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Låt filen avgöra' }).checked).toBe(true);
    const year = screen.getByLabelText('År');
    await userEvent.clear(year);
    await userEvent.type(year, '2027');
    await userEvent.click(screen.getByRole('radio', { name: 'Aktivitetsplan' }));
    await userEvent.upload(screen.getByLabelText('Fil'), new File(['a;b'], 'aktiviteter.csv'));
    await userEvent.click(screen.getByRole('button', { name: 'Ladda upp och förhandsgranska' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/importer/imp-3'));
    expect(writes(seen)).toEqual([
      expect.objectContaining({
        url: '/api/v1/imports',
        body: {
          unitId: NAMND_UNIT.id,
          year: 2027,
          kind: 'activity',
          fileName: 'aktiviteter.csv',
          content: btoa('a;b'),
        },
      }),
    ]);
  });

  test('without a file nothing is sent, and the file field says what to do', async () => {
    const seen = server(() => reading);
    renderImport(`/planer/${PLAN.id}/importera`);
    await userEvent.click(await screen.findByRole('button', { name: 'Ladda upp och förhandsgranska' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Välj en fil att importera.');
    expect(screen.getByLabelText('Fil').getAttribute('aria-invalid')).toBe('true');
    expect(writes(seen)).toEqual([]);
  });
  test('the start, the preview and the mapping step have no accessibility violations that axe can find', async () => {
    /** What axe finds in the page as rendered (colour contrast needs a real browser, which the journeys have). */
    const violations = async (container: HTMLElement) =>
      (await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })).violations.map(
        (violation) => `${violation.id}: ${violation.nodes[0]?.html}`,
      );
    let current: PlanImport = withErrors;
    server(() => current);
    const start = renderImport(`/organisation/importera?enhet=${NAMND_UNIT.id}`);
    await within(start.container).findByRole('link', { name: 'plan.xlsx' });
    expect(await violations(start.container)).toEqual([]);
    start.unmount();

    const preview = renderImport('/importer/imp-1');
    await within(preview.container).findByText('Visar rad 1–5 av 5.');
    expect(await violations(preview.container)).toEqual([]);
    preview.unmount();

    current = { ...reading, state: 'mapping', progress: null, mapping: MAPPING };
    const mapping = renderImport('/importer/imp-1');
    await within(mapping.container).findByLabelText('Innehåll i kolumn C (Vem)');
    expect(await violations(mapping.container)).toEqual([]);
  });
  test('a saved mapping can be chosen for the file, and removed', async () => {
    const mall = { id: 'map-1', name: 'Socialförvaltningens mall', columns: { '1': 'risk' }, createdAt: '2026-02-01' };
    let saved = [mall];
    const seen = server(
      () => reading,
      (request) => {
        if (request.method === 'DELETE' && request.url === '/api/v1/import-mappings/map-1') {
          saved = [];
          return new Response(null, { status: 204 });
        }
        if (request.method === 'POST' && request.url === '/api/v1/imports') return json(reading, 202);
        return undefined;
      },
      () => saved,
    );
    renderImport(`/planer/${PLAN.id}/importera`);
    const choice = await screen.findByLabelText<HTMLSelectElement>('Sparad mappning av kolumner');
    expect(choice.value).toBe('');
    await userEvent.click(screen.getByText('Sparade mappningar av kolumner'));
    await userEvent.click(screen.getByRole('button', { name: 'Ta bort Socialförvaltningens mall' }));
    await waitFor(() => expect(screen.queryByLabelText('Sparad mappning av kolumner')).toBeNull());
    expect(writes(seen)).toEqual([expect.objectContaining({ method: 'DELETE', url: '/api/v1/import-mappings/map-1' })]);
  });

  test('the file is read with the saved mapping chosen', async () => {
    const seen = server(
      () => reading,
      (request) => (request.method === 'POST' && request.url === '/api/v1/imports' ? json(reading, 202) : undefined),
      () => [{ id: 'map-1', name: 'Socialförvaltningens mall', columns: { '1': 'risk' }, createdAt: '2026-02-01' }],
    );
    renderImport(`/planer/${PLAN.id}/importera`);
    await userEvent.selectOptions(
      await screen.findByLabelText('Sparad mappning av kolumner'),
      'Socialförvaltningens mall',
    );
    await userEvent.upload(screen.getByLabelText('Fil'), new File(['x'], 'plan.csv'));
    await userEvent.click(screen.getByRole('button', { name: 'Ladda upp och förhandsgranska' }));
    await screen.findByRole('heading', { level: 2, name: 'Filen läses' });
    expect(writes(seen)[0]).toMatchObject({ body: { planId: PLAN.id, mappingId: 'map-1', fileName: 'plan.csv' } });
  });
  test('a long preview is shown a page at a time', async () => {
    const many = Array.from({ length: 120 }, (_, index) => ({
      ...rows[1]!,
      key: `control:${index}`,
      title: `Kontrollmoment ${index + 1}`,
      row: index + 2,
    }));
    const seen = server(
      () => ready,
      () => undefined,
      () => [],
      () => many,
    );
    renderImport('/importer/imp-1');
    await screen.findByText('Visar rad 1–50 av 120.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Föregående sida' }).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Nästa sida' }));
    await screen.findByText('Visar rad 51–100 av 120.');
    expect(rowTitles()[0]).toBe('Ändras Kontrollmoment: Kontrollmoment 51');
    await userEvent.click(screen.getByRole('button', { name: 'Nästa sida' }));
    await screen.findByText('Visar rad 101–120 av 120.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Nästa sida' }).disabled).toBe(true);
    expect(seen.map((request) => request.url).filter((url) => url.includes('/rows'))).toEqual([
      '/api/v1/imports/imp-1/rows?offset=0&limit=50',
      '/api/v1/imports/imp-1/rows?offset=50&limit=50',
      '/api/v1/imports/imp-1/rows?offset=100&limit=50',
    ]);
  });
});
