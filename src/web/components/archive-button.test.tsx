import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { answerFetch, json } from '../../../test/web/fake-fetch.ts';
import { answerConfirm, renderWithApp } from '../../../test/web/render.tsx';
import { itemKeys } from '../api/items.ts';
import { planKeys } from '../api/plans.ts';
import { statusKeys } from '../api/statuses.ts';
import { ArchiveButton } from './archive-button.tsx';

describe('ArchiveButton: plan data is archived after a question, and restored without one', () => {
  test('archiving asks first; saying no sends nothing', async () => {
    const asked = answerConfirm(false);
    const seen = answerFetch(() => json({}));
    let done = 0;
    renderWithApp(<ArchiveButton entity={{ type: 'risk', id: 'r1' }} name="Brand" onDone={() => void done++} />);
    await userEvent.click(screen.getByRole('button', { name: 'Arkivera Brand' }));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('Brand');
    expect(seen).toEqual([]);
    expect(done).toBe(0);
  });

  test('saying yes archives it, marks the views of plan content stale (not the reference data), then goes on', async () => {
    answerConfirm(true);
    const seen = answerFetch(() => json({}));
    let done = 0;
    const { queryClient } = renderWithApp(
      <ArchiveButton entity={{ type: 'control', id: 'c1' }} name="Attest" onDone={() => void done++} />,
    );
    for (const key of [planKeys.overview('p1'), itemKeys.control.detail('c1'), statusKeys.list({})])
      queryClient.setQueryData(key, {});
    await userEvent.click(screen.getByRole('button', { name: 'Arkivera Attest' }));
    await waitFor(() => expect(done).toBe(1));
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual(['POST /api/v1/controls/c1/archive']);
    expect(queryClient.getQueryState(planKeys.overview('p1'))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(itemKeys.control.detail('c1'))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(statusKeys.list({}))?.isInvalidated).toBe(false);
  });

  test('restoring is not asked about', async () => {
    const asked = answerConfirm(false);
    const seen = answerFetch(() => json({}));
    let done = 0;
    renderWithApp(
      <ArchiveButton entity={{ type: 'follow_up', id: 'f1' }} name="Kvartal 1" archived onDone={() => void done++} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Återställ Kvartal 1' }));
    await waitFor(() => expect(done).toBe(1));
    expect(asked).toEqual([]);
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual(['POST /api/v1/follow-ups/f1/restore']);
  });

  test('a refusal is shown and the screen stays', async () => {
    answerConfirm(true);
    answerFetch(() => json({ type: 'about:blank', title: 'Otillåtet', status: 403 }, 403));
    let done = 0;
    renderWithApp(<ArchiveButton entity={{ type: 'plan', id: 'p1' }} name="Plan 2026" onDone={() => void done++} />);
    await userEvent.click(screen.getByRole('button', { name: 'Arkivera Plan 2026' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Otillåtet');
    expect(done).toBe(0);
  });
});
