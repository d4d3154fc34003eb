import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import type { OutboxMessage } from '../../api/outbox.ts';
import { OutboxAdminPage } from './outbox-admin-page.tsx';

function message(id: string, kind: OutboxMessage['kind'], subject: string): OutboxMessage {
  return {
    id,
    kind,
    userId: 'p2',
    toAddress: 'karin.lund@kommun.example',
    subject,
    body: 'Hej Karin Lund!\n\n[[engångslänk 0191e2a4-0000-7000-8000-000000000001]]',
    createdAt: '2026-03-02T09:00:00.000Z',
    sentAt: null,
    error: null,
  };
}

const MESSAGES = [
  message('m1', 'invitation', 'Inbjudan till Uppsikt – Exempelkommun'),
  message('m2', 'password_reset', 'Nytt lösenord till Uppsikt'),
];

describe('OutboxAdminPage: the messages Uppsikt has written', () => {
  test('names invitations and new-password messages, and filters the list by kind', async () => {
    const seen = answerFetch((request) => {
      const kind = new URL(request.url, 'http://localhost').searchParams.get('kind');
      return json({ items: MESSAGES.filter((entry) => kind === null || entry.kind === kind) });
    });
    renderScreen('/administration/utkorg', OutboxAdminPage);
    const invitation = (await screen.findByRole('heading', { level: 2, name: 'Inbjudan till Uppsikt – Exempelkommun' }))
      .parentElement!;
    expect(within(invitation).getByText('Inbjudan', { selector: 'dd' })).toBeTruthy();
    const reset = screen.getByRole('heading', { level: 2, name: 'Nytt lösenord till Uppsikt' }).parentElement!;
    expect(within(reset).getByText('Nytt lösenord', { selector: 'dd' })).toBeTruthy();

    const filter = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Slag' });
    expect([...filter.options].map((option) => option.textContent)).toEqual([
      'Alla',
      'Veckans påminnelser',
      'Avvikelse',
      'Inbjudan',
      'Nytt lösenord',
      'Påminnelse om uppföljning',
    ]);
    await userEvent.selectOptions(filter, 'Nytt lösenord');
    await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: /^Inbjudan/ })).toBeNull());
    expect(screen.getByRole('heading', { level: 2, name: 'Nytt lösenord till Uppsikt' })).toBeTruthy();
    expect(document.activeElement).toBe(filter);
    expect(seen.map((request) => request.url)).toEqual([
      '/api/v1/outbox?limit=200',
      '/api/v1/outbox?limit=200&kind=password_reset',
    ]);

    await userEvent.selectOptions(filter, 'Avvikelse');
    await screen.findByText('Utkorgen har inga meddelanden av det slaget.');
  });
});
