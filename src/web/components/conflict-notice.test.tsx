import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../test/web/fake-fetch.ts';
import { renderWithApp } from '../../../test/web/render.tsx';
import { ConflictNotice } from './conflict-notice.tsx';

const base = { id: 'a1', version: 4, title: 'Rutin för attest', statusId: 's1', whatToDo: 'Skriv rutinen' };
const current = { id: 'a1', version: 5, title: 'Rutin för attest', statusId: 's2', whatToDo: 'Skriv och förankra' };
const fields = [
  { key: 'title', label: 'Rubrik' },
  { key: 'statusId', label: 'Status', show: (value: unknown) => (value === 's2' ? 'Pågår' : 'Ej påbörjad') },
  { key: 'whatToDo', label: 'Vad ska göras' },
];

describe('ConflictNotice: someone else saved while the user was writing', () => {
  test('names the fields that changed, in the form’s words and as they now are, and who saved them', async () => {
    const seen = answerFetch(() => json({ items: [{ actorName: 'Eva Ek', occurredAt: '2026-03-02T09:15:00Z' }] }));
    renderWithApp(
      <ConflictNotice base={base} current={current} fields={fields} onKeepMine={() => {}} onTakeTheirs={() => {}} />,
    );
    const notice = screen.getByRole('alert');
    expect(document.activeElement).toBe(notice);
    const terms = screen.getAllByRole('term').map((term) => term.textContent);
    const definitions = screen.getAllByRole('definition').map((definition) => definition.textContent);
    expect(terms).toEqual(['Status', 'Vad ska göras']);
    expect(definitions).toEqual(['Pågår', 'Skriv och förankra']);
    expect(await screen.findByText(/Sparat av Eva Ek/)).toBeTruthy();
    expect(seen[0]?.url).toBe('/api/v1/audit-events?entityId=a1&sort=-occurredAt&limit=1');
  });

  test('the user chooses: keep their own version or take the other one', async () => {
    answerFetch(() => json({ items: [] }));
    const chosen: string[] = [];
    renderWithApp(
      <ConflictNotice
        base={base}
        current={current}
        fields={fields}
        onKeepMine={() => chosen.push('mine')}
        onTakeTheirs={() => chosen.push('theirs')}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Spara min version' }));
    await userEvent.click(screen.getByRole('button', { name: 'Använd den andra versionen' }));
    expect(chosen).toEqual(['mine', 'theirs']);
    expect(screen.queryByText(/Sparat av/)).toBeNull();
  });
});
