import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, onTestFinished, test } from 'vitest';
import { answerConfirm, renderWithApp } from '../../../test/web/render.tsx';
import type { Attachment, AttachmentPage } from '../api/attachments.ts';
import { Attachments, AttachmentsDisclosure, formatFileSize } from './attachments.tsx';

const FOLLOW_UP = '01900000-0000-7000-8000-000000000001';

const protocol: Attachment = {
  id: '01900000-0000-7000-8000-0000000000a1',
  targetType: 'follow_up',
  targetId: FOLLOW_UP,
  fileName: 'Protokollsutdrag § 95.pdf',
  contentType: 'application/pdf',
  size: 1_234_567,
  sha256: 'ab'.repeat(32),
  description: 'Justerat',
  uploadedById: '01900000-0000-7000-8000-0000000000b1',
  uploadedByName: 'Åsa Ansvarig',
  createdAt: '2026-06-15T08:30:00.000Z',
  archivedAt: null,
};

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | null | undefined;
}

/**
 * Stands in for fetch until the test finishes, keeping each request's body as sent (a form
 * stays a FormData); `answer` gives the response.
 */
function serve(answer: (request: Seen) => Response | Promise<Response>): Seen[] {
  const seen: Seen[] = [];
  const previous = globalThis.fetch;
  onTestFinished(() => {
    globalThis.fetch = previous;
  });
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = {
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: init?.body,
    };
    seen.push(request);
    return answer(request);
  };
  return seen;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

const pageOf = (items: Attachment[], mayUpload: boolean): AttachmentPage => ({
  items,
  total: items.length,
  limit: 500,
  offset: 0,
  mayUpload,
});

describe('Attachments: the evidence files of a target', () => {
  test('lists each file with its size, who uploaded it and when, as a download link; a reader gets nothing to change', async () => {
    const seen = serve(() => json(pageOf([protocol], false)));
    renderWithApp(<Attachments targetType="follow_up" targetId={FOLLOW_UP} />);
    const section = await screen.findByRole('region', { name: 'Underlag' });
    const link = await within(section).findByRole('link', { name: 'Protokollsutdrag § 95.pdf' });
    expect(link.getAttribute('href')).toBe(`/api/v1/attachments/${protocol.id}/content`);
    expect(link.hasAttribute('download')).toBe(true);
    expect(within(section).getByRole('region', { name: 'Filer som underlag' }).tabIndex).toBe(0);
    const row = link.closest('tr')!;
    expect(within(row).getByText('1,2 MB')).toBeTruthy();
    expect(within(row).getByText('Åsa Ansvarig')).toBeTruthy();
    expect(within(row).getByText('Justerat')).toBeTruthy();
    expect(row.textContent).toContain('2026');
    expect(screen.queryByRole('button', { name: /Arkivera/ })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Ladda upp underlag' })).toBeNull();
    expect(seen[0]!.url).toBe(
      `/api/v1/attachments?targetType=follow_up&targetId=${FOLLOW_UP}&includeArchived=false&limit=500`,
    );
  });

  test('a writer chooses a file with the labelled input and uploads it: busy while on its way, then listed', async () => {
    let release: () => void = () => {};
    const posted = new Promise<void>((resolve) => {
      release = resolve;
    });
    let files: Attachment[] = [];
    const seen = serve(async (request) => {
      if (request.method === 'POST') {
        await posted;
        files = [protocol];
        return json(protocol, 201);
      }
      return json(pageOf(files, true));
    });
    renderWithApp(<Attachments targetType="follow_up" targetId={FOLLOW_UP} />);
    expect(await screen.findByText('Inga underlag ännu.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Ladda upp underlag' });
    const input = within(form).getByLabelText('Välj fil');
    expect(input.getAttribute('type')).toBe('file');
    expect(input.getAttribute('accept')).toContain('application/pdf');
    const file = new File(['%PDF-1.7'], 'Protokollsutdrag § 95.pdf', { type: 'application/pdf' });
    await userEvent.upload(input, file);
    await userEvent.type(within(form).getByLabelText('Beskrivning (frivillig)'), 'Justerat');
    await userEvent.click(within(form).getByRole('button', { name: 'Ladda upp' }));

    const busy = await within(form).findByRole('button', { name: 'Laddar upp …' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(within(form).getByRole('progressbar', { name: 'Laddar upp …' })).toBeTruthy();
    expect((input as HTMLInputElement).disabled).toBe(true);
    release();

    expect(await within(form).findByRole('status')).toBeTruthy();
    expect(await within(form).findByText('Protokollsutdrag § 95.pdf är uppladdad.')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Protokollsutdrag § 95.pdf' })).toBeTruthy();
    const upload = seen.find((request) => request.method === 'POST')!;
    expect(upload.url).toBe('/api/v1/attachments');
    expect(upload.headers.get('content-type')).toBeNull();
    const body = upload.body as FormData;
    expect(body.get('targetType')).toBe('follow_up');
    expect(body.get('targetId')).toBe(FOLLOW_UP);
    expect(body.get('description')).toBe('Justerat');
    expect((body.get('file') as File).name).toBe('Protokollsutdrag § 95.pdf');
    expect(within(form).getByRole('button', { name: 'Ladda upp' })).toBeTruthy();
  });

  test('what the server refuses is shown at the file field, in the language it answered', async () => {
    serve((request) =>
      request.method === 'POST'
        ? json(
            {
              type: 'urn:uppsikt:problem:validation_failed',
              title: 'Uppgifterna är inte giltiga.',
              status: 400,
              errors: [{ path: 'file', message: 'Filen är av ett slag som inte tas emot.' }],
            },
            400,
          )
        : json(pageOf([], true)),
    );
    renderWithApp(<Attachments targetType="deviation" targetId={FOLLOW_UP} />);
    const form = await screen.findByRole('form', { name: 'Ladda upp underlag' });
    await userEvent.click(within(form).getByRole('button', { name: 'Ladda upp' }));
    // In the summary above the form, and at the field.
    expect(await within(form).findAllByText('Välj en fil att ladda upp.')).toHaveLength(2);

    const input = within(form).getByLabelText('Välj fil');
    await userEvent.upload(input, new File(['MZ'], 'program.pdf', { type: 'application/pdf' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Ladda upp' }));
    expect(await within(form).findByRole('alert')).toBeTruthy();
    const message = await within(form).findAllByText('Filen är av ett slag som inte tas emot.');
    expect(message.length).toBe(2);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.some((id) => document.getElementById(id)?.textContent === message[1]!.textContent)).toBe(true);
  });

  test('a writer archives a file after confirming, and restores it among the archived ones', async () => {
    const asked = answerConfirm(true);
    let current: Attachment = protocol;
    const seen = serve((request) => {
      if (request.method === 'POST') {
        current = { ...current, archivedAt: request.url.endsWith('/archive') ? '2026-06-15T09:00:00.000Z' : null };
        return json(current);
      }
      const includeArchived = request.url.includes('includeArchived=true');
      return json(pageOf(current.archivedAt === null || includeArchived ? [current] : [], true));
    });
    renderWithApp(<Attachments targetType="review" targetId={FOLLOW_UP} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Arkivera Protokollsutdrag § 95.pdf' }));
    expect(asked[0]).toContain('Arkivera Protokollsutdrag § 95.pdf?');
    expect(await screen.findByText('Inga underlag ännu.')).toBeTruthy();
    expect(seen.some((request) => request.url === `/api/v1/attachments/${protocol.id}/archive`)).toBe(true);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Visa arkiverade underlag' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Återställ Protokollsutdrag § 95.pdf' }));
    expect(seen.some((request) => request.url === `/api/v1/attachments/${protocol.id}/restore`)).toBe(true);
    expect(await screen.findByRole('button', { name: 'Arkivera Protokollsutdrag § 95.pdf' })).toBeTruthy();
  });

  test('behind a disclosure (one of many on a page): read only when opened, its heading and form named for whose files', async () => {
    const RESULT = '01900000-0000-7000-8000-0000000000c1';
    const seen = serve(() => json(pageOf([{ ...protocol, targetType: 'control_result', targetId: RESULT }], true)));
    renderWithApp(
      <AttachmentsDisclosure targetType="control_result" targetId={RESULT} name="Kvartal 1 2026" level={5} />,
    );
    const summary = await screen.findByText('Underlag för Kvartal 1 2026');
    expect(seen).toHaveLength(0);
    await userEvent.click(summary);
    const section = await screen.findByRole('region', { name: 'Underlag för Kvartal 1 2026' });
    expect(within(section).getByRole('heading', { level: 5 }).textContent).toBe('Underlag för Kvartal 1 2026');
    expect(await within(section).findByRole('link', { name: 'Protokollsutdrag § 95.pdf' })).toBeTruthy();
    expect(within(section).getByRole('form', { name: 'Ladda upp underlag för Kvartal 1 2026' })).toBeTruthy();
    expect(seen[0]!.url).toBe(
      `/api/v1/attachments?targetType=control_result&targetId=${RESULT}&includeArchived=false&limit=500`,
    );
  });

  test('sizes as people read them', () => {
    expect(formatFileSize(820, 'sv-SE')).toBe('820 B');
    expect(formatFileSize(34_400, 'sv-SE')).toBe('34 kB');
    expect(formatFileSize(1_234_567, 'sv-SE')).toBe('1,2 MB');
    expect(formatFileSize(1_234_567, 'en-GB')).toBe('1.2 MB');
  });
});
