import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { docxText, pdfText } from '../../../../test/support/seed-fidelity.ts';
import { pngImage } from '../../../../test/support/test-images.ts';

const SETTINGS = {
  letterhead: 'Exempelby kommun\nStorgatan 1',
  cover: { enabled: true, title: 'Plan för {nämnd} {år}' },
  diarienummer: 'KS-2026-17',
  caseOfficer: 'Eva Ek',
  memo: { enabled: true, proposal: '{nämnd} fastställer planen {datum}.', sendTo: 'Revisionen' },
  footer: { enabled: true, text: 'Exempelby kommun' },
  kinds: {
    plan: {
      sections: [
        { key: 'risks', included: true, text: 'Riskerna för {period}.' },
        { key: 'risk-matrix', included: false },
      ],
    },
  },
};

describe('report templates over the API', () => {
  let h: Harness;
  const planUrl = (format: string, unit?: string) =>
    `/reports/plan?unit=${unit ?? h.tenant.unitA}&period=2026&format=${format}`;

  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const planId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2026',
        startYear: 2026,
      })
    ).body.id;
    await admin.post('/risks', { planId, title: 'Felaktiga utbetalningar', likelihood: 3, consequence: 4 });
  });
  afterAll(() => h.close());

  test('no template: the report is the neutral one, and reading says so', async () => {
    const reader = await h.as('reader');
    expect((await reader.get('/report-templates')).body).toEqual({ template: null, inherited: null });
    const html = (await reader.get(planUrl('html'))).body as string;
    expect(html).not.toContain('class="letterhead"');
    expect(html).not.toContain('class="cover"');
    expect(html).toContain('Riskmatris');
  });

  test('access: the tenant administrator writes the tenant’s template, a coordinator a unit’s, a reader none', async () => {
    const coordinator = await h.as('coordinator');
    const reader = await h.as('reader');
    expect((await coordinator.request('PUT', '/report-templates', { settings: {} })).status).toBe(403);
    expect((await reader.request('PUT', '/report-templates', { unitId: h.tenant.unitA, settings: {} })).status).toBe(
      403,
    );
    // A unit the coordinator does not read is not there for them.
    expect(
      (await coordinator.request('PUT', '/report-templates', { unitId: h.tenant.unitB, settings: {} })).status,
    ).toBe(404);
    expect((await reader.get(`/report-templates?unit=${h.tenant.unitB}`)).status).toBe(404);
  });

  test('bad templates: an unknown field and a section the kind does not have are refused naming the field', async () => {
    const admin = await h.as('tenantAdmin');
    const unknown = await admin.request('PUT', '/report-templates', {
      settings: { ...SETTINGS, footer: { enabled: true, text: 'Sida för {foo} och {år}' } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'settings.footer.text', message: expect.stringContaining('{foo}') }]);
    const section = await admin.request('PUT', '/report-templates', {
      settings: { kinds: { plan: { sections: [{ key: 'risks' }, { key: 'bilagor' }, { key: 'risks' }] } } },
    });
    expect(section.status).toBe(400);
    expect(section.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'settings.kinds.plan.sections.1.key',
      'settings.kinds.plan.sections.2.key',
    ]);
    const text = await admin.request('PUT', '/report-templates', {
      settings: { kinds: { deviations: { sections: [{ key: 'summary', text: 'Avvikelser {kvartal}' }] } } },
    });
    expect(text.body.errors[0].path).toBe('settings.kinds.deviations.sections.0.text');
    // Nothing was written by a refused request.
    expect((await admin.get('/report-templates')).body.template).toBeNull();
    // The same fields in the report texts.
    const reportText = await (
      await h.as('coordinator')
    ).request('PUT', '/report-texts', {
      reportKind: 'improvement-actions',
      section: 'introduction',
      unitId: h.tenant.unitA,
      body: 'Inledning för {nämnden}.',
    });
    expect(reportText.status).toBe(400);
    expect(reportText.body.errors[0]).toMatchObject({ path: 'body', message: expect.stringContaining('{nämnden}') });
  });

  test('written, versioned (409 when stale), audited, and the reports follow it in every format', async () => {
    const admin = await h.as('tenantAdmin');
    const created = await admin.request('PUT', '/report-templates', { settings: SETTINGS });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ unitId: null, version: 1, logo: null });
    expect((await admin.request('PUT', '/report-templates', { settings: SETTINGS })).status).toBe(409);
    const stale = await admin.request('PUT', '/report-templates', { settings: SETTINGS, version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(1);
    const changed = await admin.request('PUT', '/report-templates', {
      settings: { ...SETTINGS, caseOfficer: 'Eva Ek, controller' },
      version: 1,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);
    // The same settings again: nothing changes, no new version.
    const same = await admin.request('PUT', '/report-templates', {
      settings: { ...SETTINGS, caseOfficer: 'Eva Ek, controller' },
      version: 2,
    });
    expect(same.body.version).toBe(2);
    const history = await admin.get(`/audit-events?entityType=report_template&entityId=${created.body.id}`);
    expect(history.body.items.map((item: { operation: string }) => item.operation).sort()).toEqual([
      'create',
      'update',
    ]);

    const reader = await h.as('reader');
    const html = (await reader.get(planUrl('html'))).body as string;
    expect(html).toContain('<p class="cover-title">Plan för Nämnd A 2026</p>');
    expect(html).toContain('<dt>Handläggare</dt><dd>Eva Ek, controller</dd>');
    expect(html).toContain('Nämnd A fastställer planen 2026-06-15.');
    expect(html).toContain('Riskerna för 2026.');
    expect(html).not.toContain('Riskmatris');
    expect(html).not.toMatch(/\{(nämnd|år|period|datum)\}/);
    const pdf = pdfText((await reader.get(planUrl('pdf'))).bytes);
    expect(pdf).toContain('Tjänsteskrivelse');
    expect(pdf).toMatch(/Exempelby kommun Sida 1 av \d/);
    const docx = docxText((await reader.get(planUrl('docx'))).bytes);
    expect(docx).toContain('Plan för Nämnd A 2026');
    expect(docx.indexOf('Riskerna för 2026.')).toBeGreaterThan(docx.indexOf('Förslag till beslut'));
  });

  test('the logo: PNG or JPEG by its content, at most 1 MB, never in the audit log; a unit’s template replaces the tenant’s', async () => {
    const admin = await h.as('tenantAdmin');
    const current = (await admin.get('/report-templates')).body.template;
    const notImage = await admin.request('PUT', '/report-templates/logo', {
      content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'),
      version: current.version,
    });
    expect(notImage.status).toBe(400);
    expect(notImage.body.errors[0].path).toBe('content');
    const tooLarge = await admin.request('PUT', '/report-templates/logo', {
      content: Buffer.concat([pngImage(10, 10), Buffer.alloc(1024 * 1024)]).toString('base64'),
      version: current.version,
    });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.errors[0]).toMatchObject({ path: 'content', message: expect.stringContaining('1 MB') });
    // Far over the limit, the body's own limit refuses it before it is read: the same answer.
    const farTooLarge = await admin.request('PUT', '/report-templates/logo', {
      content: Buffer.alloc(4 * 1024 * 1024).toString('base64'),
      version: current.version,
    });
    expect(farTooLarge.status).toBe(400);
    expect(farTooLarge.body.errors).toEqual([{ path: 'content', message: expect.stringContaining('1 MB') }]);
    const logo = pngImage(90, 30);
    const put = await admin.request('PUT', '/report-templates/logo', {
      content: logo.toString('base64'),
      version: current.version,
    });
    expect(put.status).toBe(200);
    expect(put.body.logo).toEqual({ type: 'image/png', width: 90, height: 30, byteSize: logo.length });
    // Another tenant has neither the template nor the logo.
    expect((await (await h.as('otherAdmin')).get('/report-templates')).body.template).toBeNull();
    expect((await (await h.as('otherAdmin')).get('/report-templates/logo')).status).toBe(404);
    const download = await (await h.as('reader')).get('/report-templates/logo');
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(download.bytes).equals(logo)).toBe(true);
    const history = await admin.get(`/audit-events?entityType=report_template&entityId=${current.id}`);
    const logged = JSON.stringify(history.body.items);
    expect(logged).toContain('"byteSize"');
    expect(logged).not.toContain(logo.toString('base64').slice(0, 40));
    const html = (await (await h.as('reader')).get(planUrl('html'))).body as string;
    expect(html).toContain(`<img src="data:image/png;base64,${logo.toString('base64')}" alt="Exempelby kommun"`);

    // A unit's own template replaces the tenant's settings; without a logo of its own it shows the tenant's.
    const coordinator = await h.as('coordinator');
    const own = await coordinator.request('PUT', '/report-templates', {
      unitId: h.tenant.unitA,
      settings: { letterhead: 'Nämnd A:s förvaltning' },
    });
    expect(own.status).toBe(201);
    const read = (await (await h.as('reader')).get(`/report-templates?unit=${h.tenant.unitA}`)).body;
    expect(read.template.settings.letterhead).toBe('Nämnd A:s förvaltning');
    expect(read.inherited.settings.caseOfficer).toBe('Eva Ek, controller');
    const unitHtml = (await (await h.as('reader')).get(planUrl('html'))).body as string;
    expect(unitHtml).toContain('Nämnd A:s förvaltning');
    expect(unitHtml).not.toContain('class="cover"');
    expect(unitHtml).toContain('alt="Nämnd A:s förvaltning"');
    expect(unitHtml).toContain('Riskmatris');
  });

  test('the preview: the report as HTML in settings not saved, refusing what a save would refuse', async () => {
    const coordinator = await h.as('coordinator');
    const body = {
      kind: 'plan',
      unitId: h.tenant.unitA,
      period: '2026',
      templateUnitId: h.tenant.unitA,
      settings: { cover: { enabled: true, title: 'Förhandsvisning {år}' } },
    };
    const preview = await coordinator.post('/report-templates/preview', body);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toContain('text/html');
    expect(preview.body).toContain('<p class="cover-title">Förhandsvisning 2026</p>');
    // The stored logo of the scope (here the tenant's, the unit has none of its own).
    expect(preview.body).toContain('<img src="data:image/png;base64,');
    const refused = await coordinator.post('/report-templates/preview', {
      ...body,
      settings: { cover: { enabled: true, title: '{titel}' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('settings.cover.title');
    expect((await coordinator.post('/report-templates/preview', { ...body, unitId: h.tenant.unitB })).status).toBe(404);
    // What was previewed was not saved.
    const saved = (await coordinator.get(`/report-templates?unit=${h.tenant.unitA}`)).body.template;
    expect(saved.settings.cover.enabled).toBe(false);
  });
});
