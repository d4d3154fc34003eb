import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planNotes } from '../../db/schema/plan-notes.ts';
import { createHarness, ok, type Client, type Harness } from '../../../../test/support/harness.ts';

// A report prints a section only when it has something to say. The follow-up of improvement
// actions: the introduction when there is a text or a review, the year's reviews when there are
// any, the actions' part when a risk has actions or a text introduces them, and a risk's
// description only when written. The control follow-up: the actions' part with actions or notes,
// the controls' part with controls, the reporting with meetings that have an agenda. Each step
// below adds one thing and shows what it brings; and which of the tenant's own texts is used.

describe('a report’s sections appear with their content, and only then', () => {
  let h: Harness;
  let admin: Client;
  let planId: string;
  const body = async () => {
    const reply = await admin.get(`/reports/improvement-actions?unit=${h.tenant.unitA}&period=2026&format=md`);
    expect(reply.status).toBe(200);
    // Without the title and the two lines under it.
    return (reply.body as string).split('\n\n').slice(3).join('\n\n');
  };

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.as('tenantAdmin');
    planId = (
      await ok(
        admin.post('/plans', {
          unitId: h.tenant.unitA,
          kind: 'internal_control',
          title: 'Internkontrollplan 2026',
          startYear: 2026,
        }),
      )
    ).id;
    await ok(admin.post('/risks', { planId, title: 'Risk utan åtgärder', description: 'Beskriven' }));
  });
  afterAll(() => h.close());

  test('the improvement actions report, step by step', async () => {
    // A plan whose risks have no actions, no reviews and no texts: nothing to say.
    expect(await body()).toBe('');

    // A closing text alone opens the introduction.
    await ok(
      admin.request('PUT', '/report-texts', {
        reportKind: 'improvement-actions',
        section: 'reviews-closing',
        body: 'Avslutning.',
      }),
    );
    expect(await body()).toBe('## Inledning\n\nAvslutning.\n');

    // A text introducing the actions opens their part, though no risk has actions yet.
    await ok(
      admin.request('PUT', '/report-texts', {
        reportKind: 'improvement-actions',
        section: 'actions-introduction',
        body: 'Om åtgärderna.',
      }),
    );
    expect(await body()).toBe('## Inledning\n\nAvslutning.\n\n## Förbättringsåtgärder\n\nOm åtgärderna.\n');

    // An action of a risk without a description: the risk and the action, no description heading.
    const bare = await ok(admin.post('/risks', { planId, title: 'Risk utan beskrivning' }));
    await ok(admin.post('/actions', { planId, riskId: bare.id, title: 'Åtgärd' }));
    expect(await body()).toBe(
      '## Inledning\n\nAvslutning.\n\n## Förbättringsåtgärder\n\nOm åtgärderna.\n\n### Risk: Risk utan beskrivning\n\n#### Åtgärd: Åtgärd\n',
    );

    // A review brings the year's reviews.
    await ok(admin.post('/reviews', { planId, title: 'Granskning' }));
    expect(await body()).toContain(
      '## Inledning\n\nGranskningar 2026 med förbättringsåtgärder och när dessa beslutats:\n\n- Granskning.\n\nAvslutning.\n',
    );

    // Its recommendations under it: numbered, the parts under their parent, each addressed nämnd's status and answer.
    const review = (await admin.get(`/reviews?planId=${planId}`)).body.items[0];
    const recommendation = await ok(
      admin.post('/recommendations', { reviewId: review.id, number: '2', recommendation: 'Samordna inköpen.' }),
    );
    await ok(
      admin.post('/recommendations', {
        reviewId: review.id,
        parentId: recommendation.id,
        recommendation: 'Gemensam avtalskatalog.',
      }),
    );
    const addressee = await ok(
      admin.post(`/recommendations/${recommendation.id}/addressees`, { unitId: h.tenant.unitB }),
    );
    await ok(admin.post(`/recommendations/${recommendation.id}/addressees`, { unitId: h.tenant.unitA }));
    await ok(
      admin.patch(`/recommendation-addressees/${addressee.id}`, {
        version: addressee.version,
        answer: 'Nämnden instämmer.',
        answeredOn: '2026-06-01',
        statusId: h.tenant.statusIds.pagaende,
      }),
    );
    expect(await body()).toContain(
      '- Granskning.\n\n  - Rekommendation 2\n\n    Samordna inköpen.\n\n    - Nämnd B: Pågående, svar 2026-06-01\n\n      Nämnden instämmer.\n    - Nämnd A: ingen status, inte besvarad\n\n    - Rekommendation 2.1\n\n      Gemensam avtalskatalog.\n\nAvslutning.\n',
    );
  });

  test('the control follow-up: the actions’ part with notes but no actions has no table, the controls’ part only with controls, a meeting without an agenda is not reported', async () => {
    const followUp = async () => {
      const reply = await admin.get(`/reports/control-follow-up?unit=${h.tenant.unitB}&period=2026&format=md`);
      expect(reply.status).toBe(200);
      return (reply.body as string).split('\n\n').slice(3).join('\n\n');
    };
    const plan = await ok(
      admin.post('/plans', { unitId: h.tenant.unitB, kind: 'internal_control', title: 'Plan B', startYear: 2026 }),
    );
    const risk = await ok(admin.post('/risks', { planId: plan.id, title: 'Risk B' }));
    // A board meeting without an agenda says nothing to report.
    await ok(admin.post('/reporting-calendar/events', { kind: 'ks_meeting', date: '2026-10-01', title: 'KS' }));
    expect(await followUp()).toBe('## Rapporterade avvikelser\n\n**Kommentar avvikelse**\n\nInga avvikelser funna.\n');

    await h.db.insert(planNotes).values({
      tenantId: h.tenant.tenantId,
      id: uuidv7(),
      planId: plan.id,
      topic: 'general',
      body: 'Inga åtgärder behövs i år.',
    });
    expect(await followUp()).toBe(
      '## Uppföljning åtgärder\n\nInga åtgärder behövs i år.\n\n## Rapporterade avvikelser\n\n**Kommentar avvikelse**\n\nInga avvikelser funna.\n',
    );

    await ok(admin.post('/controls', { riskId: risk.id, title: 'Kontroll B' }));
    const withControl = await followUp();
    expect(withControl).toContain('## Uppföljning kontroller\n\n*Uppföljning kontroller*\n\n');
    expect(withControl).toContain('| Risk B | Ej bedömd | Kontroll B |');
    expect(withControl).not.toContain('*Uppföljning åtgärder*');

    // Actions without a general note: the actions' part with its table.
    const other = await ok(
      admin.post('/plans', { unitId: h.tenant.unitA1, kind: 'internal_control', title: 'Plan A1', startYear: 2026 }),
    );
    const otherRisk = await ok(admin.post('/risks', { planId: other.id, title: 'Risk A1' }));
    await ok(admin.post('/actions', { planId: other.id, riskId: otherRisk.id, title: 'Åtgärd A1' }));
    const withAction = await admin.get(`/reports/control-follow-up?unit=${h.tenant.unitA1}&period=2026&format=md`);
    expect(withAction.body as string).toContain('## Uppföljning åtgärder\n\n*Uppföljning åtgärder*\n\n');
    expect(withAction.body as string).toContain('| Risk A1 | Ej bedömd | Åtgärd A1 |');
  });

  test('the tenant’s own text: the unit’s for the year before the unit’s, before the tenant’s for the year, before the tenant’s', async () => {
    const guidance = async () => {
      const reply = await admin.get(`/reports/control-follow-up?unit=${h.tenant.unitA}&period=2026&format=md`);
      return (reply.body as string).split('\n\n')[3];
    };
    const put = (text: Record<string, unknown>) =>
      ok(admin.request('PUT', '/report-texts', { reportKind: 'control-follow-up', section: 'guidance', ...text }));
    await put({ body: 'Kommunens text.' });
    expect(await guidance()).toBe('Kommunens text.');
    // Another unit's and another year's texts are not this report's.
    await put({ body: 'Nämnd B:s text.', unitId: h.tenant.unitB });
    await put({ body: 'Texten för 2025.', year: 2025 });
    expect(await guidance()).toBe('Kommunens text.');
    await put({ body: 'Kommunens text för 2026.', year: 2026 });
    expect(await guidance()).toBe('Kommunens text för 2026.');
    await put({ body: 'Nämndens text.', unitId: h.tenant.unitA });
    expect(await guidance()).toBe('Nämndens text.');
    await put({ body: 'Nämndens text för 2026.', unitId: h.tenant.unitA, year: 2026 });
    expect(await guidance()).toBe('Nämndens text för 2026.');
  });
});
