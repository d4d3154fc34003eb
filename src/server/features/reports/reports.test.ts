import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { docxText, pdfText } from '../../../../test/support/seed-fidelity.ts';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { strFromU8, unzipSync } from 'fflate';

/** What poppler's pdfinfo says of a PDF. */
function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const folder = mkdtempSync(join(tmpdir(), 'uppsikt-info-'));
  try {
    writeFileSync(join(folder, 'r.pdf'), bytes);
    const out = execFileSync('pdfinfo', [join(folder, 'r.pdf')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return Object.fromEntries(
      out
        .split('\n')
        .filter((line) => line.includes(':'))
        .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function zipEntry(bytes: Uint8Array, name: string): string {
  const files = unzipSync(bytes, { filter: (file) => file.name === name });
  return strFromU8(files[name]!);
}

describe('reports over the API', () => {
  let h: Harness;
  let planId: string;
  const url = (kind: string, unit: string, format: string, period = '2026') =>
    `/reports/${kind}?unit=${unit}&period=${period}&format=${format}`;

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
    const risk = (
      await admin.post('/risks', {
        planId,
        title: 'Felaktiga utbetalningar',
        description: 'Risk för **dubbla** betalningar.',
        likelihood: 3,
        consequence: 4,
      })
    ).body;
    const control = (
      await admin.post('/controls', {
        riskId: risk.id,
        title: 'Stickprov av utbetalningar',
        statusId: h.tenant.statusIds.pagaende,
        endDate: '2026-01-31',
        responsibleIds: [h.userIds.responsible],
      })
    ).body;
    expect(control.id, JSON.stringify(control)).toBeTruthy();
    const action = (
      await admin.post('/actions', {
        planId,
        riskId: risk.id,
        title: 'Ny attestrutin',
        whatToDo: 'Skriv en ny rutin.',
        measuresTaken: '## Kartläggning\n\nKlart.\n\n```chart\ntitle: Svar på enkäten\nJa | 12\nNej | 3\n```',
      })
    ).body;
    await admin.post('/follow-ups', {
      actionId: action.id,
      periodId: h.tenant.periodIds.q1,
      body: 'Rutinen är skriven.',
      reportedOn: '2026-03-30',
    });
  });
  afterAll(() => h.close());

  test('HTML and Markdown carry the plan content; the language follows Accept-Language', async () => {
    const reader = await h.as('reader');
    const html = await reader.get(url('plan', h.tenant.unitA, 'html'));
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.body).toContain('<html lang="sv">');
    expect(html.body).toContain('Felaktiga utbetalningar');
    expect(html.body).toContain('Stickprov av utbetalningar');
    const english = await reader.get(url('plan', h.tenant.unitA, 'html'), { 'accept-language': 'en' });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Risk matrix');
    const md = await reader.get(url('improvement-actions', h.tenant.unitA, 'md'));
    expect(md.status).toBe(200);
    expect(md.body).toContain('### Risk: Felaktiga utbetalningar');
    expect(md.body).toContain('| Ja | 12 |');
  });

  test('the PDF is tagged, has the title and the language, and prints a chart’s numbers as text', async () => {
    const reply = await (await h.as('reader')).get(url('improvement-actions', h.tenant.unitA, 'pdf'));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toMatch(
      /^attachment; filename="improvement-actions-.*-2026\.pdf"$/,
    );
    const info = pdfInfo(reply.bytes);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Uppföljning förbättringsåtgärder 2026');
    const catalog = Buffer.from(reply.bytes).toString('latin1');
    expect(catalog).toMatch(/\/Lang \(sv\)/);
    const text = pdfText(reply.bytes);
    expect(text).toContain('Svar på enkäten');
    expect(text).toMatch(/Ja\s+12/);
    const archival = await (
      await h.as('reader')
    ).get(`${url('improvement-actions', h.tenant.unitA, 'pdf')}&archival=true`);
    expect(Buffer.from(archival.bytes).toString('latin1')).toContain('pdfaid:part');
  });

  test('the DOCX uses Word’s heading styles, a table of contents field, Swedish language, and the chart’s numbers as text', async () => {
    const reply = await (await h.as('reader')).get(url('improvement-actions', h.tenant.unitA, 'docx'));
    expect(reply.status).toBe(200);
    const body = zipEntry(reply.bytes, 'word/document.xml');
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain('<w:pStyle w:val="Heading2"/>');
    expect(body).toMatch(/TOC \\h \\o/);
    expect(body).toContain('<pic:pic');
    expect(zipEntry(reply.bytes, 'word/styles.xml')).toContain('w:val="sv-SE"');
    expect(zipEntry(reply.bytes, 'word/settings.xml')).toMatch(/<w:autoHyphenation( w:val="(true|1)")?\/>/);
    expect(zipEntry(reply.bytes, 'docProps/core.xml')).toContain(
      '<dc:title>Uppföljning förbättringsåtgärder 2026</dc:title>',
    );
    const text = docxText(reply.bytes);
    expect(text).toContain('Svar på enkäten');
    expect(text).toContain('12');
  });

  test('XLSX has a sheet per table with the rows', async () => {
    const reply = await (await h.as('reader')).get(url('plan', h.tenant.unitA, 'xlsx'));
    expect(reply.status).toBe(200);
    const strings = zipEntry(reply.bytes, 'xl/sharedStrings.xml');
    expect(strings).toContain('Felaktiga utbetalningar');
    expect(zipEntry(reply.bytes, 'xl/workbook.xml')).toMatch(/<sheet [^>]*name="Riskmatris"/);
  });

  test('bad input gets a problem naming the field', async () => {
    const reader = await h.as('reader');
    const text = await reader.get(url('activity-review', h.tenant.unitA, 'xlsx'));
    expect(text.status).toBe(400);
    expect(text.body.errors[0].path).toBe('format');
    const period = await reader.get(url('plan', h.tenant.unitA, 'pdf', '2026-Q9'));
    expect(period.status).toBe(400);
    expect(period.body.errors[0].path).toBe('period');
    // Text that is not a code is taken as the name of a period, which the årshjul does not have.
    const unnamed = await reader.get(url('control-follow-up', h.tenant.unitA, 'pdf', '20x6'));
    expect(unnamed.status).toBe(404);
    expect(unnamed.body.errors[0].path).toBe('period');
    const kind = await reader.get(url('annual-budget', h.tenant.unitA, 'pdf'));
    expect(kind.status).toBe(400);
    const missing = await reader.get(url('plan', h.tenant.unitA, 'pdf', '2019'));
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain('ingen internkontrollplan för 2019');
  });

  test('access: a unit one cannot read, or another tenant’s, is not found', async () => {
    expect((await (await h.as('nobody')).get(url('plan', h.tenant.unitA, 'html'))).status).toBe(404);
    expect((await (await h.as('otherAdmin')).get(url('plan', h.tenant.unitA, 'html'))).status).toBe(404);
    expect((await (await h.as('coordinator')).get(url('plan', h.tenant.unitB, 'html'))).status).toBe(404);
    expect((await h.anonymous.get(url('plan', h.tenant.unitA, 'html'))).status).toBe(401);
  });

  test('the council summary lists every nämnd the caller reads, with its status counts', async () => {
    await (
      await h.as('tenantAdmin')
    ).post('/plans', { unitId: h.tenant.unitB, kind: 'internal_control', title: 'Plan B', startYear: 2026 });
    const all = await (await h.as('tenantAdmin')).get(url('council-summary', h.tenant.rootId, 'md'));
    expect(all.status).toBe(200);
    expect(all.body).toContain('Internkontrollplan 2026');
    expect(all.body).toContain('Plan B');
    expect(all.body).toContain('Stickprov av utbetalningar'); // overdue: ended 2026-01-31, in progress
    const range = await (await h.as('tenantAdmin')).get(url('council-summary', h.tenant.rootId, 'md', '2025-2026'));
    expect(range.body.errors[0].path).toBe('period');
  });

  test('Skicka till nämnd: the issued copy downloads byte-identical after the data changed, and cannot be altered', async () => {
    const reader = await h.as('reader');
    const forbidden = await reader.post('/reports/control-follow-up/issue', {
      unitId: h.tenant.unitA,
      period: '2026',
      format: 'pdf',
    });
    expect(forbidden.status).toBe(403);
    const coordinator = await h.as('coordinator');
    const issued = await coordinator.post('/reports/control-follow-up/issue', {
      unitId: h.tenant.unitA,
      period: '2026',
      format: 'pdf',
      note: 'Nämndens sammanträde 16 september',
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      kind: 'control-follow-up',
      period: '2026',
      format: 'pdf',
      note: 'Nämndens sammanträde 16 september',
      issuedByName: 'Person coordinator',
    });
    const first = await reader.get(`/issued-reports/${issued.body.id}/file`);
    expect(first.status).toBe(200);
    expect(createHash('sha256').update(first.bytes).digest('hex')).toBe(issued.body.sha256);
    expect(first.headers.get('repr-digest')).toBe(
      `sha-256=:${Buffer.from(issued.body.sha256, 'hex').toString('base64')}:`,
    );
    expect(pdfInfo(first.bytes).Title).toBe('Kontroll uppföljning');

    const plan = (await coordinator.get(`/plans/${planId}`)).body;
    await coordinator.patch(`/plans/${planId}`, { version: plan.version, title: 'Omdöpt plan' });
    const later = await reader.get(`/issued-reports/${issued.body.id}/file`);
    expect(Buffer.compare(Buffer.from(later.bytes), Buffer.from(first.bytes))).toBe(0);

    const listed = await reader.get(`/issued-reports?unit=${h.tenant.unitA}`);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(issued.body.id);
    expect((await (await h.as('otherAdmin')).get(`/issued-reports/${issued.body.id}`)).status).toBe(404);
    await expect(
      h.db.execute(sql`update issued_reports set title = 'x' where id = ${issued.body.id}`),
    ).rejects.toThrow();
    await expect(h.db.execute(sql`delete from issued_reports where id = ${issued.body.id}`)).rejects.toThrow();
    const history = await (
      await h.as('tenantAdmin')
    ).get(`/audit-events?entityType=issued_report&entityId=${issued.body.id}`);
    expect(history.body.items[0]).toMatchObject({ operation: 'create' });
  });

  test('report texts: written per tenant or unit and year, versioned, and used by the report', async () => {
    const coordinator = await h.as('coordinator');
    const text = {
      reportKind: 'improvement-actions',
      section: 'introduction',
      unitId: h.tenant.unitA,
      year: 2026,
      body: 'Enligt reglementet ska nämnden följa upp.',
    };
    const created = await coordinator.request('PUT', '/report-texts', text);
    expect(created.status).toBe(201);
    expect((await coordinator.request('PUT', '/report-texts', text)).status).toBe(409);
    expect((await coordinator.request('PUT', '/report-texts', { ...text, version: 5 })).status).toBe(409);
    const changed = await coordinator.request('PUT', '/report-texts', {
      ...text,
      body: 'Nämnden följer upp varje år.',
      version: 1,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);
    expect(
      (await coordinator.request('PUT', '/report-texts', { ...text, section: 'summary' })).body.errors[0].path,
    ).toBe('section');
    expect((await coordinator.request('PUT', '/report-texts', { ...text, unitId: null })).status).toBe(403);
    expect((await (await h.as('reader')).request('PUT', '/report-texts', text)).status).toBe(403);
    const report = await (await h.as('reader')).get(url('improvement-actions', h.tenant.unitA, 'md'));
    expect(report.body).toContain('Nämnden följer upp varje år.');
    const listed = await (await h.as('reader')).get(`/report-texts?unit=${h.tenant.unitA}`);
    expect(listed.body.items).toHaveLength(1);
  });
});
