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
import { afterEach, describe, expect, test } from 'vitest';
import { ROOT_UNIT } from '../../../../test/web/admin-fixtures.ts';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderWithApp } from '../../../../test/web/render.tsx';
import type { Recommendation, RecommendationAddressee } from '../../api/recommendations.ts';
import type { Review } from '../../api/reviews.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { EditReviewPage } from './review-form-page.tsx';

afterEach(() => setCsrfToken(null));

const KS = { ...ROOT_UNIT, id: 'u-ks', parentId: ROOT_UNIT.id, kind: 'namnd', name: 'Kommunstyrelsen' };
const SN = { ...ROOT_UNIT, id: 'u-sn', parentId: ROOT_UNIT.id, kind: 'namnd', name: 'Socialnämnden' };
const BUN = { ...ROOT_UNIT, id: 'u-bun', parentId: ROOT_UNIT.id, kind: 'namnd', name: 'Barn- och utbildningsnämnden' };
const stamp = { version: 1, createdAt: '2026-01-01T09:00:00.000Z', updatedAt: '2026-01-01T09:00:00.000Z' };

/** The auditors' review of the kommunstyrelse's plan, addressed to two nämnder. */
const REVIEW: Review = {
  id: 'rv2',
  planId: 'pl-ks',
  unitId: KS.id,
  riskId: null,
  diarienummer: 'KS-2026-10',
  title: 'Uppföljande granskning av inköp',
  followsUpReviewId: 'rv1',
  followsUpReview: { id: 'rv1', title: 'Granskning av inköp', diarienummer: 'KS-2024-3' },
  followUpReviews: [],
  decisionUnitId: null,
  meetingDate: null,
  decisionParagraph: null,
  findings: null,
  statusId: null,
  sortOrder: 0,
  archivedAt: null,
  ...stamp,
};

function addressee(id: string, unitId: string, answer: string | null): RecommendationAddressee {
  return {
    id,
    recommendationId: 'r1',
    unitId,
    answer,
    answeredOn: null,
    actionsTaken: null,
    dueDate: null,
    statusId: null,
    sortOrder: 0,
    ...stamp,
  };
}

function recommendation(id: string, changes: Partial<Recommendation>): Recommendation {
  return {
    id,
    reviewId: REVIEW.id,
    parentId: null,
    number: null,
    recommendedBy: 'Revisorerna',
    recommendation: 'R',
    answer: null,
    answeredOn: null,
    actionsTaken: null,
    dueDate: null,
    statusId: null,
    sortOrder: 0,
    addressees: [],
    archivedAt: null,
    ...stamp,
    ...changes,
  };
}

const RECOMMENDATIONS = [
  recommendation('r1', {
    number: '2',
    recommendation: 'Samordna inköpen.',
    addressees: [addressee('a-sn', SN.id, null), addressee('a-bun', BUN.id, 'Nämnden instämmer.')],
  }),
  recommendation('r2', { parentId: 'r1', number: '2.1', recommendation: 'Gemensam avtalskatalog.' }),
];

/** A responsible person of Socialnämnden: reads the review because a recommendation is addressed to it. */
const RESPONSIBLE_OF_SN = {
  user: { id: 'p2', name: 'Sara Ansvarig', email: 'sara@kommun.example', title: null, locale: 'sv', version: 1 },
  tenant: { id: 't1', slug: 'exempelkommun', name: 'Exempelkommun' },
  roles: [{ id: 'r1', unitId: SN.id, unitName: SN.name, role: 'responsible' }],
  secondFactor: { enabled: false, required: false },
  via: 'session',
  mayWrite: true,
  csrfToken: 'csrf-1',
  now: '2026-03-02T09:00:00.000Z',
};

/** A coordinator of the kommunstyrelse, whose plan the review is of. */
const COORDINATOR_OF_KS = {
  ...RESPONSIBLE_OF_SN,
  roles: [{ id: 'r2', unitId: KS.id, unitName: KS.name, role: 'coordinator' }],
};

function server(me: object = RESPONSIBLE_OF_SN) {
  return answerFetch((request) => {
    const path = request.url.split('?')[0];
    const list = (items: unknown[]) => json({ items, total: items.length });
    if (path === '/api/v1/me') return json(me);
    if (path === '/api/v1/risks') return list([]);
    if (path === '/api/v1/recommendations' && request.method === 'POST')
      return json(recommendation('r9', request.body as Partial<Recommendation>), 201);
    if (path === '/api/v1/recommendations/r1/addressees' && request.method === 'POST')
      return json(addressee('a-ks', KS.id, null), 201);
    if (path === '/api/v1/org-units')
      return list([ROOT_UNIT, KS, SN, BUN].map((u) => ({ ...u, archivedAt: null, version: 1 })));
    if (path === '/api/v1/statuses') return list([]);
    if (path === `/api/v1/reviews/${REVIEW.id}`) return json(REVIEW);
    if (path === '/api/v1/reviews') return list([REVIEW]);
    if (path === '/api/v1/recommendations') return list(RECOMMENDATIONS);
    if (path === '/api/v1/recommendation-addressees/a-sn' && request.method === 'PATCH')
      return json({ ...addressee('a-sn', SN.id, 'Vi inför en rutin.'), version: 2 });
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  });
}

function renderAt(address: string) {
  const root = createRootRoute({ component: Outlet });
  const routes = [
    createRoute({ getParentRoute: () => root, path: '/granskningar/$reviewId/redigera', component: EditReviewPage }),
  ];
  const router = createRouter({
    routeTree: root.addChildren(routes),
    history: createMemoryHistory({ initialEntries: [address] }),
  });
  renderWithApp(<RouterProvider router={router} />);
}

describe('the review page for a nämnd a recommendation is addressed to', () => {
  test('it reads the review, its numbered recommendations with their parts, and writes only its own answer', async () => {
    setCsrfToken('csrf-1');
    const seen = server();
    renderAt(`/granskningar/${REVIEW.id}/redigera`);
    const user = userEvent.setup();

    await screen.findByRole('heading', { level: 1, name: 'Uppföljande granskning av inköp' });
    expect(screen.getByRole('link', { name: 'Granskning av inköp' })).toBeTruthy();
    await screen.findByRole('heading', { name: 'Rekommendation 2' });
    const parts = screen.getByRole('list', { name: 'Delrekommendationer till rekommendation 2' });
    expect(within(parts).getByRole('heading', { name: 'Rekommendation 2.1' })).toBeTruthy();
    // The review's unit maintains the recommendations: nothing of that is offered here.
    expect(screen.queryByRole('button', { name: 'Lägg till rekommendationen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Rikta till nämnden' })).toBeNull();
    // Its own answer is a form; the other nämnd's answer is only read.
    expect(screen.queryByRole('button', { name: 'Spara svaret från Barn- och utbildningsnämnden' })).toBeNull();
    expect(screen.getByText('Nämnden instämmer.')).toBeTruthy();

    const answer = screen.getAllByRole('textbox', { name: /Nämndens svar/ })[0]!;
    await user.type(answer, 'Vi inför en rutin.');
    await user.click(screen.getByRole('button', { name: 'Spara svaret från Socialnämnden' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'PATCH')).toBe(true));
    expect(seen.find((request) => request.method === 'PATCH')!.body).toMatchObject({
      version: 1,
      answer: 'Vi inför en rutin.',
      statusId: null,
    });
    // No risk list of a plan it does not read was asked for.
    expect(seen.some((request) => request.url.startsWith('/api/v1/risks'))).toBe(false);
  });

  test('the review’s unit’s coordinator adds a sub-recommendation and addresses a recommendation to one more nämnd', async () => {
    setCsrfToken('csrf-1');
    const seen = server(COORDINATOR_OF_KS);
    renderAt(`/granskningar/${REVIEW.id}/redigera`);
    const user = userEvent.setup();

    await user.click(await screen.findByText('Ny delrekommendation till rekommendation 2', { selector: 'summary' }));
    const partForm = screen
      .getByRole('button', { name: 'Lägg till delrekommendationen' })
      .closest('form') as HTMLFormElement;
    await user.type(within(partForm).getByRole('textbox', { name: /^Nummer/ }), '2.2');
    await user.type(within(partForm).getByRole('textbox', { name: /^Rekommendation/ }), 'Utbilda beställarna.');
    await user.click(within(partForm).getByRole('button', { name: 'Lägg till delrekommendationen' }));
    await waitFor(() => expect(seen.some((request) => request.method === 'POST')).toBe(true));
    expect(seen.find((request) => request.method === 'POST')!.body).toMatchObject({
      reviewId: REVIEW.id,
      parentId: 'r1',
      number: '2.2',
      recommendation: 'Utbilda beställarna.',
    });

    const addressees = screen.getByRole('group', { name: 'Nämnder som rekommendation 2 är riktad till' });
    const unit = within(addressees).getByRole('combobox', { name: /^Nämnd/ });
    // Units already addressed are not offered again.
    expect(within(unit).queryByRole('option', { name: /Socialnämnden/ })).toBeNull();
    expect(within(unit).getByRole('option', { name: /Kommunstyrelsen/ })).toBeTruthy();
    await user.selectOptions(unit, KS.id);
    await user.click(within(addressees).getByRole('button', { name: 'Rikta till nämnden' }));
    await waitFor(() =>
      expect(seen.some((request) => request.url === '/api/v1/recommendations/r1/addressees')).toBe(true),
    );
    expect(seen.find((request) => request.url === '/api/v1/recommendations/r1/addressees')!.body).toEqual({
      unitId: KS.id,
    });
  });
});
