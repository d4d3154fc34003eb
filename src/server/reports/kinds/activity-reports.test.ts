import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Client, type Harness } from '../../../../test/support/harness.ts';
import type { Block } from '../document.ts';
import { reportContextFor } from '../../../../test/support/report-contexts.ts';
import { activityPlanReport } from './activity-plan.ts';
import { activityReviewReport } from './activity-review.ts';

// What the two reports of an aktivitetsplan say, line by line, for activities with everything
// filled in, with one follow-up, and with nothing but a title: the follow-up of the plan (seed
// 002's layout) and the follow-up of last year's activities (seed 003's). Read as Markdown, the
// format that shows the document's words most plainly.

describe('the reports of an activity plan', () => {
  let h: Harness;
  let admin: Client;
  const report = async (kind: string, lang: 'sv' | 'en') => {
    const reply = await admin.get(`/reports/${kind}?unit=${h.tenant.unitA}&period=2026&format=md&lang=${lang}`);
    expect(reply.status).toBe(200);
    return reply.body as string;
  };
  const created = async (path: string, body: Record<string, unknown>) => {
    const reply = await admin.post(path, body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body as { id: string };
  };
  /** A follow-up written and approved, as the documents print them (unmarked). */
  const approvedFollowUp = async (body: Record<string, unknown>) => {
    const written = (await created('/follow-ups', body)) as { id: string; version: number };
    const reply = await admin.post(`/follow-ups/${written.id}/approve`, { version: written.version });
    expect(reply.status).toBe(200);
    return reply.body as { id: string; version: number };
  };
  let retainFollowUp = { id: '', version: 0 };

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.as('tenantAdmin');
    const plan = await created('/plans', {
      unitId: h.tenant.unitA,
      kind: 'activity',
      title: 'Aktivitetsplan 2026',
      startYear: 2026,
    });
    const attract = await created('/focus-areas', { name: 'Attrahera' });
    const keep = await created('/focus-areas', { name: 'Behålla' });
    const recruit = await created('/activities', {
      planId: plan.id,
      number: '1',
      title: 'Rekrytera',
      description: 'Beskrivning **fet**',
      costAndResources: 'Kostnad 10 tkr',
      performers: 'HR',
      carryOver: 'carry_over',
      focusAreaIds: [attract.id, keep.id],
      statusId: h.tenant.statusIds.pagaende,
      endDate: '2026-12-31',
    });
    await created('/sub-activities', {
      activityId: recruit.id,
      number: '1.1',
      title: 'Annonsera',
      statusId: h.tenant.statusIds.klar,
      carryOver: 'carry_over',
    });
    await created('/sub-activities', {
      activityId: recruit.id,
      number: '1.2',
      title: 'Intervjua',
      carryOver: 'do_not_carry_over',
    });
    await approvedFollowUp({
      activityId: recruit.id,
      periodId: h.tenant.periodIds.q1,
      body: 'Första uppföljningen',
      analysis: 'Analys ett',
    });
    await approvedFollowUp({
      activityId: recruit.id,
      periodId: h.tenant.periodIds.q2,
      body: 'Andra uppföljningen',
    });
    const retain = await created('/activities', {
      planId: plan.id,
      number: '2',
      title: 'Behålla personal',
      carryOver: 'do_not_carry_over',
    });
    retainFollowUp = await approvedFollowUp({
      activityId: retain.id,
      periodId: h.tenant.periodIds.q1,
      body: 'Enda uppföljningen',
      analysis: 'Enda analysen',
    });
    await created('/activities', { planId: plan.id, number: '3', title: 'Utan allt' });
  });
  afterAll(() => h.close());

  test('the follow-up of the plan: per activity its status, number, title and end date, then what is written about it, and nothing for what is not', async () => {
    expect(await report('activity-plan', 'sv')).toBe(
      [
        '# Uppföljning plan 2026',
        'Nämnd A',
        'Aktivitetsplan 2026, utkast (ej antagen)',
        '*Aktivitet 1*',
        '| Status | Aktivitet | Slutdatum |\n| --- | --- | --- |\n| Pågående | 1\\. Rekrytera | 2026-12-31 |',
        '**Aktivitetsbeskrivning**',
        'Beskrivning **fet**',
        // A sub-activity: its status in parentheses, and "carried over" only when that is decided.
        '1.1. Annonsera (Klar) – Förs över till nästa plan',
        '1.2. Intervjua',
        '*\\[Attrahera\\] \\[Behålla\\]*',
        '**Kostnader för aktivitet och resurs**',
        'Kostnad 10 tkr',
        '**Utförare**',
        'HR',
        '**Uppföljning & utvärdering**',
        // With several follow-ups each is headed by its period.
        '*Kvartal 1 2026*',
        'Första uppföljningen',
        'Analys ett',
        '*Kvartal 2 2026*',
        'Andra uppföljningen',
        '*Förs över till nästa plan*',
        '*Aktivitet 2*',
        '| Status | Aktivitet | Slutdatum |\n| --- | --- | --- |\n|  | 2\\. Behålla personal |  |',
        // One follow-up needs no period heading.
        '**Uppföljning & utvärdering**',
        'Enda uppföljningen',
        'Enda analysen',
        '*Förs inte över till nästa plan*',
        '*Aktivitet 3*',
        '| Status | Aktivitet | Slutdatum |\n| --- | --- | --- |\n|  | 3\\. Utan allt |  |',
      ].join('\n\n') + '\n',
    );
  });

  test('the follow-up of the plan in English', async () => {
    const english = await report('activity-plan', 'en');
    expect(
      english.startsWith(
        '# Follow-up of plan 2026\n\nNämnd A\n\nAktivitetsplan 2026, draft (not adopted)\n\n*Activity 1*\n\n| Status | Activity | End date |\n',
      ),
    ).toBe(true);
    for (const line of [
      '**Description of the activity**',
      '1.1. Annonsera (Done) – Carried over to the next plan',
      '**Cost and resources**',
      '**Performed by**',
      '**Follow-up & evaluation**',
      '*Quarter 1 2026*',
      '*Carried over to the next plan*',
      '*Not carried over to the next plan*',
    ]) {
      expect(english).toContain(`\n${line}\n`);
    }
  });

  test('a follow-up not approved is marked: sent back after the period, "(återsänd)"', async () => {
    const back = await admin.post(`/follow-ups/${retainFollowUp.id}/return`, {
      version: retainFollowUp.version,
      comment: 'Komplettera analysen.',
    });
    expect(back.status).toBe(200);
    expect(await report('activity-plan', 'sv')).toContain(
      '\n*(återsänd)*\nEnda uppföljningen\n'.replaceAll('\n', '\n\n'),
    );
    expect(await report('activity-plan', 'en')).toContain('\n\n*(sent back)*\n\n');
    const again = await admin.post(`/follow-ups/${retainFollowUp.id}/submit`, { version: back.body.version });
    const approved = await admin.post(`/follow-ups/${retainFollowUp.id}/approve`, { version: again.body.version });
    retainFollowUp = approved.body;
    expect(await report('activity-plan', 'sv')).not.toContain('återsänd');
  });

  test('last year’s activities: each numbered as an assignment, with the latest follow-up and its analysis, and nothing where nothing is written', async () => {
    expect(await report('activity-review', 'sv')).toBe(
      [
        '# Uppföljning av fjolårets planerade aktiviteter',
        'Nämnd A',
        'Aktivitetsplan 2026, utkast (ej antagen) (2026)',
        '### 1\\. Uppdrag/Aktivitet',
        'Rekrytera',
        // The latest follow-up (Kvartal 2), which has no analysis.
        '#### Uppföljning',
        'Andra uppföljningen',
        '### 2\\. Uppdrag/Aktivitet',
        'Behålla personal',
        '#### Uppföljning',
        'Enda uppföljningen',
        '#### Analys',
        'Enda analysen',
        '### 3\\. Uppdrag/Aktivitet',
        'Utan allt',
      ].join('\n\n') + '\n',
    );
    const english = await report('activity-review', 'en');
    expect(english).toContain(
      "# Follow-up of last year's planned activities\n\nNämnd A\n\nAktivitetsplan 2026, draft (not adopted) (2026)\n\n### 1\\. Assignment/Activity\n",
    );
    expect(english).toContain('\n#### Follow-up\n\nEnda uppföljningen\n\n#### Analysis\n\nEnda analysen\n');
  });

  test('the plan’s own order is kept, and nothing archived is printed', async () => {
    const plan = await created('/plans', {
      unitId: h.tenant.unitA,
      kind: 'activity',
      title: 'Aktivitetsplan 2027',
      startYear: 2027,
    });
    const period = await created('/reporting-calendar/periods', {
      kind: 'quarter',
      year: 2027,
      number: 1,
      startDate: '2027-01-01',
      endDate: '2027-03-31',
    });
    const archive = async (path: string) => expect((await admin.post(`${path}/archive`, {})).status).toBe(200);
    await created('/activities', { planId: plan.id, number: '2', title: 'Andra aktiviteten', sortOrder: 2 });
    const first = await created('/activities', {
      planId: plan.id,
      number: '1',
      title: 'Första aktiviteten',
      sortOrder: 1,
    });
    await archive(
      `/activities/${(await created('/activities', { planId: plan.id, number: '9', title: 'Arkiverad aktivitet', sortOrder: 0 })).id}`,
    );
    await created('/sub-activities', { activityId: first.id, number: '1.2', title: 'Andra delen', sortOrder: 2 });
    await created('/sub-activities', { activityId: first.id, number: '1.1', title: 'Första delen', sortOrder: 1 });
    await archive(
      `/sub-activities/${(await created('/sub-activities', { activityId: first.id, number: '1.9', title: 'Arkiverad del' })).id}`,
    );
    await created('/follow-ups', { activityId: first.id, periodId: period.id, body: 'Står kvar.' });
    await archive(
      `/follow-ups/${(await created('/follow-ups', { activityId: first.id, periodId: period.id, body: 'Arkiverad uppföljning.' })).id}`,
    );
    for (const kind of ['activity-plan', 'activity-review']) {
      const reply = await admin.get(`/reports/${kind}?unit=${h.tenant.unitA}&period=2027&format=md`);
      expect(reply.status).toBe(200);
      const markdown = reply.body as string;
      expect(markdown, kind).not.toContain('Arkiverad');
      expect(markdown.indexOf('Första aktiviteten'), kind).toBeLessThan(markdown.indexOf('Andra aktiviteten'));
      expect(markdown, kind).toContain('Står kvar.');
    }
    const planReport = (await admin.get(`/reports/activity-plan?unit=${h.tenant.unitA}&period=2027&format=md`))
      .body as string;
    expect(planReport).toContain('1.1. Första delen\n\n1.2. Andra delen\n');
  });

  test('the documents themselves: their kind, language, orientation, contents, and which headings the contents list', async () => {
    const context = (locale: 'sv' | 'en') => reportContextFor(h, { id: h.tenant.unitA, name: 'Nämnd A' }, { locale });
    const headings = (blocks: Block[]) =>
      blocks.flatMap((block) => (block.type === 'heading' ? [[block.level, block.text, block.outline ?? true]] : []));
    const plan = await activityPlanReport(context('sv'));
    expect({ ...plan, blocks: undefined }).toEqual({
      kind: 'activity-plan',
      title: 'Uppföljning plan 2026',
      subtitle: ['Nämnd A', 'Aktivitetsplan 2026, utkast (ej antagen)'],
      language: 'sv',
      outline: false,
      orientation: 'portrait',
      blocks: undefined,
      labels: { contents: 'Innehållsförteckning', page: 'Sida' },
      generatedAt: '2026-06-15T10:00:00.000Z',
    });
    // Each activity is a table named by its number, so a screen reader can tell them apart.
    expect(plan.blocks.flatMap((block) => (block.type === 'table' ? [block.table.caption] : []))).toEqual([
      'Aktivitet 1',
      'Aktivitet 2',
      'Aktivitet 3',
    ]);
    expect(plan.blocks.find((block) => block.type === 'table')).toMatchObject({
      table: { rows: [[{ blocks: [{ type: 'status', status: { label: 'Pågående' } }] }, {}, {}]] },
    });
    const review = await activityReviewReport(context('en'));
    expect({ kind: review.kind, language: review.language, outline: review.outline, labels: review.labels }).toEqual({
      kind: 'activity-review',
      language: 'en',
      outline: false,
      labels: { contents: 'Contents', page: 'Page' },
    });
    // The assignments are listed in the contents; their follow-up and analysis headings are not.
    expect(headings(review.blocks).slice(0, 5)).toEqual([
      [2, '1. Assignment/Activity', true],
      [3, 'Follow-up', false],
      [2, '2. Assignment/Activity', true],
      [3, 'Follow-up', false],
      [3, 'Analysis', false],
    ]);
  });
});
