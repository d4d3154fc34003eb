import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, test } from 'vitest';
import { NAMND_UNIT, ROOT_UNIT, administratorOf } from '../../../test/web/admin-fixtures.ts';
import { answerFetch, json, type SeenRequest } from '../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../test/web/render.tsx';
import type { FollowUp } from '../api/follow-ups.ts';
import { FollowUpReview, reviewActions } from './follow-up-review.tsx';

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
    authorId: 'author',
    statusId: null,
    reviewState: 'submitted',
    reviewComment: null,
    reviewedById: null,
    reviewedAt: null,
    archivedAt: null,
    version: 3,
    createdAt: '2026-03-20T08:00:00.000Z',
    updatedAt: '2026-03-20T08:00:00.000Z',
    ...values,
  };
}

/** The signed-in person (p1) with one role on the nämnd. */
function withRole(role: string) {
  const me = administratorOf(NAMND_UNIT.id);
  return { ...me, roles: [{ ...me.roles[0]!, role }] };
}

function server(me: object, answer: (request: SeenRequest) => Response = () => json({}, 500)): SeenRequest[] {
  return answerFetch((request) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname === '/api/v1/me') return json(me);
    if (url.pathname === '/api/v1/org-units') return json({ items: [ROOT_UNIT, NAMND_UNIT], total: 2 });
    if (url.pathname.startsWith('/api/v1/follow-ups/')) return answer(request);
    return json({ title: 'Not here' }, 404);
  });
}

async function rolesRead(seen: SeenRequest[]) {
  await waitFor(() =>
    expect(seen.filter((request) => /^\/api\/v1\/(me|org-units)\b/.test(request.url))).toHaveLength(2),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
}

function renderReview(entry: FollowUp) {
  return renderScreen('/risker/risk1', () => (
    <main>
      <FollowUpReview
        followUp={entry}
        unitId={NAMND_UNIT.id}
        name={(id) => (id === 'p1' ? 'Ada Admin' : 'Bo Berg')}
        context="Kvartal 1 2026"
      />
    </main>
  ));
}

describe('FollowUpReview: the review step of a follow-up', () => {
  test('who may do what: the author submits a draft or returned one; the unit’s managers approve and send back', () => {
    const draft = followUp({ reviewState: 'draft', authorId: 'me' });
    expect(reviewActions(draft, 'me', false, true)).toEqual({ submit: true, send: false, approve: false });
    expect(reviewActions(draft, 'other', false, true)).toEqual({ submit: false, send: false, approve: false });
    const submitted = followUp({ reviewState: 'submitted' });
    expect(reviewActions(submitted, 'me', true, true)).toEqual({ submit: false, send: true, approve: true });
    expect(reviewActions(followUp({ reviewState: 'approved' }), 'me', true, true)).toEqual({
      submit: false,
      send: true,
      approve: false,
    });
    expect(reviewActions(submitted, 'me', true, false)).toEqual({ submit: false, send: false, approve: false });
  });

  test('the unit’s chef approves and sends back the others’ follow-ups, not their own', () => {
    const submitted = followUp({ reviewState: 'submitted', authorId: 'author' });
    expect(reviewActions(submitted, 'chef', false, true, true)).toEqual({ submit: false, send: true, approve: true });
    expect(reviewActions(submitted, 'chef', false, true, false)).toEqual({
      submit: false,
      send: false,
      approve: false,
    });
    const own = followUp({ reviewState: 'submitted', authorId: 'chef' });
    expect(reviewActions(own, 'chef', false, true, true)).toEqual({ submit: false, send: false, approve: false });
  });

  test('a responsible person who is the unit’s chef sees Godkänn and Skicka tillbaka', async () => {
    const seen = server({ ...withRole('responsible'), chefOf: [{ unitId: NAMND_UNIT.id, unitName: 'Nämnd' }] }, () =>
      json(followUp({ reviewState: 'approved' })),
    );
    renderReview(followUp());
    await userEvent.click(await screen.findByRole('button', { name: /^Godkänn.*Kvartal 1 2026$/ }));
    expect(screen.queryByRole('button', { name: /^Skicka tillbaka/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Godkänn' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')!.url).toBe('/api/v1/follow-ups/f1/approve');
  });

  test('a responsible person who is not the chef sees no review buttons', async () => {
    const seen = server(withRole('responsible'));
    renderReview(followUp());
    expect(await screen.findByText('Inskickad, ej godkänd')).toBeTruthy();
    await rolesRead(seen);
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('a reader sees the state and the comment it was sent back with, and no buttons', async () => {
    const seen = server(withRole('reader'));
    renderReview(followUp({ reviewState: 'returned', reviewComment: 'Ange antal fakturor.', reviewedById: 'p2' }));
    expect(await screen.findByText('Återsänd')).toBeTruthy();
    expect(screen.getByText('Ange antal fakturor.')).toBeTruthy();
    expect(screen.getByText(/av Bo Berg/)).toBeTruthy();
    await rolesRead(seen);
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('a coordinator sends it back with a comment, which is required', async () => {
    const seen = server(withRole('coordinator'), () =>
      json(followUp({ reviewState: 'returned', reviewComment: 'Komplettera.' })),
    );
    renderReview(followUp());
    expect(await screen.findByText('Inskickad, ej godkänd')).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: /^Skicka tillbaka.*Kvartal 1 2026$/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Skicka tillbaka' }));
    expect(await screen.findByText('Skriv vad som behöver kompletteras eller ändras.')).toBeTruthy();
    expect(seen.some((request) => request.method === 'POST')).toBe(false);
    await userEvent.type(screen.getByRole('textbox', { name: 'Vad behöver kompletteras?' }), 'Komplettera.');
    await userEvent.click(screen.getByRole('button', { name: 'Skicka tillbaka' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    const post = seen.find((request) => request.method === 'POST')!;
    expect(post.url).toBe('/api/v1/follow-ups/f1/return');
    expect(post.body).toEqual({ version: 3, comment: 'Komplettera.' });
  });

  test('a coordinator approves, without a comment', async () => {
    const seen = server(withRole('coordinator'), () => json(followUp({ reviewState: 'approved' })));
    renderReview(followUp());
    await userEvent.click(await screen.findByRole('button', { name: /^Godkänn.*Kvartal 1 2026$/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Godkänn' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')).toMatchObject({
      url: '/api/v1/follow-ups/f1/approve',
      body: { version: 3, comment: null },
    });
  });

  test('the author submits their draft', async () => {
    const seen = server(withRole('responsible'), () => json(followUp()));
    renderReview(followUp({ reviewState: 'draft', authorId: 'p1' }));
    expect(await screen.findByText('Utkast')).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: /^Skicka in.*Kvartal 1 2026$/ }));
    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')).toMatchObject({
      url: '/api/v1/follow-ups/f1/submit',
      body: { version: 3 },
    });
    expect(screen.queryByRole('button', { name: /Godkänn/ })).toBeNull();
  });

  test('no accessibility violations that axe can find, with the comment form open', async () => {
    server(withRole('coordinator'));
    renderReview(followUp());
    await userEvent.click(await screen.findByRole('button', { name: /^Skicka tillbaka.*Kvartal 1 2026$/ }));
    const found = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(found.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`)).toEqual([]);
  });
});
