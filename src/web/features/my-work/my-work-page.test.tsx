import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { NAMND_UNIT, administratorOf } from '../../../../test/web/admin-fixtures.ts';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import { MyWorkPage } from './my-work-page.tsx';

const CONTROL = {
  id: 'c1',
  planId: 'plan1',
  riskId: 'risk1',
  title: 'Stickprov av inköp',
  statusId: null,
  checkpoints: [],
  endDate: null,
  overdue: false,
};

function server(returned: object[], awaiting: object[] = []) {
  const me = administratorOf(NAMND_UNIT.id);
  return answerFetch((request) => {
    const url = new URL(request.url, 'http://localhost');
    const path = url.pathname.replace('/api/v1', '');
    if (path === '/me') return json({ ...me, roles: [{ ...me.roles[0]!, role: 'responsible' }] });
    if (path === '/controls') return json({ items: [CONTROL], total: 1 });
    if (path === '/actions' || path === '/activities') return json({ items: [], total: 0 });
    if (path === '/plans') return json({ items: [{ id: 'plan1', title: 'IK-plan 2026' }], total: 1 });
    if (path === '/statuses') return json({ items: [], total: 0 });
    if (path === '/reporting-calendar') return json({ periods: [], events: [] });
    if (path === '/follow-ups' && url.searchParams.get('reviewState') === 'returned')
      return json({ items: returned, total: returned.length });
    if (path === '/follow-ups' && url.searchParams.get('awaitingMyReview') === 'true')
      return json({ items: awaiting, total: awaiting.length });
    if (path === '/controls/c2')
      return json({ ...CONTROL, id: 'c2', riskId: 'risk2', title: 'Avstämning av leverantörer' });
    if (path === '/follow-ups') return json({ items: [], total: 0 });
    return json({ title: 'Not here' }, 404);
  });
}

describe('Mitt arbete: follow-ups sent back', () => {
  test('lists the follow-ups sent back to the person, with the comment, linked to the form', async () => {
    server([
      {
        id: 'f1',
        controlId: 'c1',
        actionId: null,
        activityId: null,
        periodId: 'q1',
        reviewState: 'returned',
        reviewComment: 'Ange antal fakturor.',
      },
    ]);
    renderScreen('/mitt-arbete', () => <MyWorkPage />);
    expect(await screen.findByRole('heading', { name: 'Uppföljningar som skickats tillbaka till dig' })).toBeTruthy();
    const links = await screen.findAllByRole('link', { name: 'Stickprov av inköp' });
    expect(links.map((link) => link.getAttribute('href'))).toContain('/uppfoljning/f1/redigera');
    expect(screen.getByText('Ange antal fakturor.')).toBeTruthy();
  });

  test('shows no such section when nothing is sent back', async () => {
    server([]);
    renderScreen('/mitt-arbete', () => <MyWorkPage />);
    await screen.findByRole('heading', { name: 'Allt jag ansvarar för' });
    expect(screen.queryByRole('heading', { name: 'Uppföljningar som skickats tillbaka till dig' })).toBeNull();
  });
});

describe('Mitt arbete: follow-ups awaiting the person’s approval', () => {
  test('lists the submitted follow-ups the person may approve, linked to their item', async () => {
    server(
      [],
      [{ id: 'f2', controlId: 'c2', actionId: null, activityId: null, periodId: 'q1', reviewState: 'submitted' }],
    );
    renderScreen('/mitt-arbete', () => <MyWorkPage />);
    expect(await screen.findByRole('heading', { name: 'Uppföljningar som väntar på ditt godkännande' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Avstämning av leverantörer' });
    expect(link.getAttribute('href')).toBe('/risker/risk2#item-c2');
    expect(screen.getByText('Inskickad, ej godkänd')).toBeTruthy();
  });

  test('shows no such section when nothing awaits', async () => {
    server([]);
    renderScreen('/mitt-arbete', () => <MyWorkPage />);
    await screen.findByRole('heading', { name: 'Allt jag ansvarar för' });
    expect(screen.queryByRole('heading', { name: 'Uppföljningar som väntar på ditt godkännande' })).toBeNull();
  });
});
