import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';

// The deviation flow end to end: recorded from a control's follow-up, the responsible person and
// the unit's coordinator notified at once, closed only when an action with a responsible person
// and an end date answers it, and reported per unit and period.

describe('the deviation flow', () => {
  let h: Harness;
  let planId: string;
  let controlId: string;
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    planId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2026',
        startYear: 2026,
      })
    ).body.id;
    const riskId = (await admin.post('/risks', { planId, title: 'Felaktiga utbetalningar' })).body.id;
    controlId = (
      await admin.post('/controls', {
        riskId,
        title: 'Stickprov av utbetalningar',
        responsibleIds: [h.userIds.responsible],
      })
    ).body.id;
  });
  afterAll(() => h.close());

  test('recorded from a follow-up, notified at once, closed only when an answering action has a responsible person and an end date', async () => {
    const responsible = await h.as('responsible');
    const followUp = await responsible.post('/follow-ups', {
      controlId,
      periodId: h.tenant.periodIds.q1,
      body: 'Två av tjugo utbetalningar saknade attest.',
      reportedOn: '2026-03-20',
    });
    expect(followUp.status).toBe(201);
    const recorded = await responsible.post('/deviations', {
      controlId,
      followUpId: followUp.body.id,
      title: 'Utbetalningar utan attest',
      description: 'Två av tjugo stickprov.',
      severityId: h.tenant.vocabularyIds.deviation_severity.significant,
      foundOn: '2026-03-20',
    });
    expect(recorded.status).toBe(201);

    const outbox = (await (await h.as('tenantAdmin')).get('/outbox?kind=deviation')).body.items;
    expect(outbox.map((message: { userId: string }) => message.userId).sort()).toEqual(
      [h.userIds.coordinator, h.userIds.responsible].sort(),
    );
    expect(outbox[0].subject).toBe('Avvikelse (väsentlig): Utbetalningar utan attest');
    expect(outbox[0].body).toContain('"Stickprov av utbetalningar" (Internkontrollplan 2026');
    expect(outbox[0].body).toContain('Upptäckt: 2026-03-20 av Person responsible');

    const coordinator = await h.as('coordinator');
    let deviation = (await coordinator.get(`/deviations/${recorded.body.id}`)).body;
    const refused = await coordinator.patch(`/deviations/${deviation.id}`, {
      version: deviation.version,
      state: 'closed',
    });
    expect(refused.status).toBe(400);

    const vague = (await coordinator.post('/actions', { planId, title: 'Se över attestrutinen' })).body;
    const stillRefused = await coordinator.patch(`/deviations/${deviation.id}`, {
      version: deviation.version,
      actionId: vague.id,
      state: 'closed',
    });
    expect(stillRefused.status).toBe(400);

    const action = (
      await coordinator.post('/actions', {
        planId,
        title: 'Ny attestrutin',
        endDate: '2026-05-31',
        responsibleIds: [h.userIds.responsible],
      })
    ).body;
    deviation = (await coordinator.get(`/deviations/${deviation.id}`)).body;
    const closed = await coordinator.patch(`/deviations/${deviation.id}`, {
      version: deviation.version,
      actionId: action.id,
      state: 'closed',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', actionId: action.id });
    expect(closed.body.closedAt).toBeTruthy();

    const listed = (await coordinator.get(`/deviations?under=${h.tenant.unitA}&from=2026-01-01&to=2026-12-31`)).body;
    expect(listed.items.map((item: { id: string }) => item.id)).toContain(deviation.id);
    const report = await coordinator.get(`/reports/control-follow-up?unit=${h.tenant.unitA}&period=2026&format=md`);
    expect(report.body).toContain('Utbetalningar utan attest');
    expect(report.body).toContain('Väsentlig');
    expect(report.body).toContain('Stängd');

    const listing = await coordinator.get(`/reports/deviations?unit=${h.tenant.unitA}&period=2026&format=md`);
    expect(listing.body).toContain('# Rapporterade avvikelser 2026');
    expect(listing.body).toContain('Väsentlig: 1 (0 öppna avvikelser)');
    expect(listing.body).toMatch(
      /\| [^|]+ \| Utbetalningar utan attest<br>Två av tjugo stickprov\. \| Stickprov av utbetalningar \| 2026-03-20<br>Person responsible \| Väsentlig \| Stängd \| Ny attestrutin \|/,
    );
    expect((await coordinator.get(`/reports/deviations?unit=${h.tenant.unitA}&period=2026&format=xlsx`)).status).toBe(
      200,
    );
    const elsewhere = await (
      await h.as('tenantAdmin')
    ).get(`/reports/deviations?unit=${h.tenant.unitB}&period=2026&format=md`);
    expect(elsewhere.body).toContain('Inga avvikelser är rapporterade.');
  });

  test('the notice is written once per deviation and person, whatever is retried', async () => {
    const outbox = (await (await h.as('tenantAdmin')).get('/outbox?kind=deviation')).body.items;
    expect(new Set(outbox.map((message: { userId: string }) => message.userId)).size).toBe(outbox.length);
  });
});
