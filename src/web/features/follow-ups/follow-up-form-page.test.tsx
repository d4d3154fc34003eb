import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { NAMND_UNIT, ROOT_UNIT, administratorOf } from '../../../../test/web/admin-fixtures.ts';
import { answerFetch, json, type SeenRequest } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import type { FollowUp } from '../../api/follow-ups.ts';
import { EditFollowUpPage } from './follow-up-form-page.tsx';

const PERIOD = {
  id: 'q1',
  kind: 'quarter',
  year: 2026,
  number: 1,
  name: null,
  label: 'Kvartal 1 2026',
  labelEn: 'Quarter 1 2026',
  startDate: '2026-01-01',
  endDate: '2026-03-31',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function followUp(values: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 'f1',
    controlId: 'c1',
    actionId: null,
    activityId: null,
    periodId: 'q1',
    reportedOn: '2026-03-20',
    body: 'Genomförd.',
    analysis: null,
    authorId: 'p1',
    statusId: null,
    reviewState: 'returned',
    reviewComment: 'Ange antal fakturor.',
    reviewedById: 'p2',
    reviewedAt: '2026-03-21T08:00:00.000Z',
    archivedAt: null,
    version: 4,
    createdAt: '2026-03-20T08:00:00.000Z',
    updatedAt: '2026-03-21T08:00:00.000Z',
    ...values,
  };
}

function server(current: FollowUp): SeenRequest[] {
  const me = administratorOf(NAMND_UNIT.id);
  return answerFetch((request) => {
    const url = new URL(request.url, 'http://localhost');
    const path = url.pathname.replace('/api/v1', '');
    if (path === '/me') return json({ ...me, roles: [{ ...me.roles[0]!, role: 'responsible' }] });
    if (path === '/org-units') return json({ items: [ROOT_UNIT, NAMND_UNIT], total: 2 });
    if (path === '/statuses') return json({ items: [], total: 0 });
    if (path === '/attachments') return json({ items: [], total: 0 });
    if (path === '/reporting-calendar') return json({ periods: [PERIOD], events: [] });
    if (path === '/controls/c1')
      return json({ id: 'c1', planId: 'plan1', riskId: 'risk1', title: 'Stickprov', statusId: null });
    if (path === '/plans/plan1')
      return json({ id: 'plan1', unitId: NAMND_UNIT.id, title: 'IK-plan 2026', startYear: 2026, endYear: 2026 });
    if (path.endsWith('/submit')) return json(followUp({ ...current, reviewState: 'submitted', version: 6 }));
    if (path.startsWith('/follow-ups/') && request.method === 'PATCH')
      return json(followUp({ ...current, ...(request.body as object), version: 5 }));
    if (path.startsWith('/follow-ups/')) return json(current);
    return json({ title: 'Not here' }, 404);
  });
}

describe('the follow-up form and the review step', () => {
  test('a returned follow-up shows why it was sent back, and is submitted again when saved', async () => {
    const seen = server(followUp());
    renderScreen('/uppfoljning/$followUpId/redigera', () => <EditFollowUpPage />);
    expect(await screen.findByText('Ange antal fakturor.')).toBeTruthy();
    expect(screen.getByText('Återsänd')).toBeTruthy();
    const again = screen.getByRole('checkbox', { name: 'Skicka in för granskning när du sparar' });
    expect((again as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Spara uppföljningen' }));
    await waitFor(() => expect(seen.some((request) => request.url.endsWith('/submit'))).toBe(true));
    expect(seen.find((request) => request.url.endsWith('/submit'))).toMatchObject({
      method: 'POST',
      body: { version: 5 },
    });
  });

  test('an approved follow-up offers no submitting', async () => {
    server(followUp({ reviewState: 'approved', reviewComment: null }));
    renderScreen('/uppfoljning/$followUpId/redigera', () => <EditFollowUpPage />);
    await screen.findByRole('button', { name: 'Spara uppföljningen' });
    expect(screen.queryByRole('checkbox', { name: /Skicka in/ })).toBeNull();
    expect(screen.queryByText('Återsänd')).toBeNull();
  });
});
