import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import { renderWithApp } from '../../../../test/web/render.tsx';
import { AnnualArchive } from './annual-archive.tsx';

const UNIT = '01900000-0000-7000-8000-000000000001';

/** Answers /archives with a ZIP streamed in chunks the test releases one by one, or with a problem. */
function serveArchive(answer: 'zip' | 'problem') {
  const seen: string[] = [];
  const release: (() => void)[] = [];
  const saved: string[] = [];
  const previous = globalThis.fetch;
  onTestFinished(() => {
    globalThis.fetch = previous;
    vi.restoreAllMocks();
  });
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:archive');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  globalThis.fetch = (input: RequestInfo | URL) => {
    seen.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (answer === 'problem')
      return Promise.resolve(
        new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'Det finns inget här.',
            status: 404,
            detail: 'Nämnd A har ingen antagen plan och inga rapporter skickade till nämnd för 2025.',
            errors: [{ path: 'year', message: 'Nämnd A har ingen antagen plan för 2025.' }],
          }),
          { status: 404, headers: { 'content-type': 'application/problem+json' } },
        ),
      );
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const size of [600_000, 600_000]) {
          await new Promise<void>((resolve) => release.push(resolve));
          controller.enqueue(new Uint8Array(size));
        }
        controller.close();
      },
    });
    return Promise.resolve(
      new Response(body, {
        status: 200,
        headers: {
          'content-type': 'application/zip',
          'content-disposition': 'attachment; filename="arsarkiv-malmo-namnd-a-2026.zip"',
          'x-archive-steps': '7',
        },
      }),
    );
  };
  const next = async () => {
    while (release.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    release.shift()!();
  };
  return { seen, saved, next };
}

describe('Årsarkiv on the Rapporter screen', () => {
  test('downloads the unit’s package for the chosen year, showing what has arrived', async () => {
    const server = serveArchive('zip');
    renderWithApp(<AnnualArchive unitId={UNIT} unitName="Nämnd A" years={['2026', '2025']} wholeTenant={false} />);
    const section = await screen.findByRole('region', { name: 'Årsarkiv' });
    expect(within(section).queryByRole('radio')).toBeNull();
    await userEvent.click(within(section).getByRole('button', { name: 'Hämta årsarkiv' }));
    await server.next();
    expect(await within(section).findByText('0,6 MB hämtat av ett paket med 7 steg …')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Hämtar årsarkiv …' })).toHaveProperty('disabled', true);
    await server.next();
    expect(await within(section).findByText('Årsarkivet är hämtat: arsarkiv-malmo-namnd-a-2026.zip')).toBeTruthy();
    expect(server.saved).toEqual(['arsarkiv-malmo-namnd-a-2026.zip']);
    expect(server.seen).toEqual([`/api/v1/archives?unit=${UNIT}&year=2026&lang=sv`]);
  });

  test('the whole organisation, for those who manage it; a refusal is shown with its field', async () => {
    const server = serveArchive('problem');
    renderWithApp(<AnnualArchive unitId={UNIT} unitName="Nämnd A" years={['2026', '2025']} wholeTenant />);
    const section = await screen.findByRole('region', { name: 'Årsarkiv' });
    await userEvent.selectOptions(within(section).getByRole('combobox', { name: 'År' }), '2025');
    await userEvent.click(within(section).getByRole('radio', { name: 'Hela organisationen' }));
    await userEvent.click(within(section).getByRole('button', { name: 'Hämta årsarkiv' }));
    expect(await within(section).findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('ingen antagen plan'),
    );
    expect(server.seen).toEqual(['/api/v1/archives?year=2025&lang=sv']);
    expect(server.saved).toEqual([]);
  });
});
