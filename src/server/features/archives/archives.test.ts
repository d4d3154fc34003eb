import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { issuedReports } from '../../db/schema/issued-reports.ts';
import { createHarness, ok, type Client, type Harness } from '../../../../test/support/harness.ts';
import {
  csvRows,
  elementsOf,
  parseXml,
  PREMIS,
  readArchivePackage,
  sha256,
  type ArchivePackage,
} from '../../../../test/support/archive-package.ts';
import { pdfText } from '../../../../test/support/seed-fidelity.ts';

// The årsarkiv over the API: a unit's plan adopted and then revised, follow-ups and a result,
// reports sent to the nämnd as PDF/A, as DOCX and as a plain PDF, and a second unit and another
// year whose data must stay out. The package is unzipped and read as an archive would.

describe('årsarkiv over the API', () => {
  let h: Harness;
  let coordinator: Client;
  const ids: { plan: string; risks: string[]; otherPlans: string[]; issued: Record<string, string> } = {
    plan: '',
    risks: [],
    otherPlans: [],
    issued: {},
  };
  let unitA: ArchivePackage;
  const url = (query: string) => `/archives?${query}`;
  const documents = (path: string) => `representations/documents/data/namnd-a/${path}`;
  const datasets = (path: string) => `representations/datasets/data/namnd-a/${path}`;

  beforeAll(async () => {
    h = await createHarness();
    coordinator = await h.as('coordinator');
    const plan = await ok(
      coordinator.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2026',
        startYear: 2026,
      }),
    );
    ids.plan = plan.id;
    const risk = await ok(
      coordinator.post('/risks', { planId: plan.id, title: 'Felaktiga utbetalningar', likelihood: 3, consequence: 4 }),
    );
    ids.risks.push(risk.id);
    const control = await ok(
      coordinator.post('/controls', {
        riskId: risk.id,
        title: 'Stickprov av utbetalningar, "dubbla"',
        responsibleIds: [h.userIds.responsible],
      }),
    );
    await ok(
      coordinator.post('/follow-ups', {
        controlId: control.id,
        periodId: h.tenant.periodIds.q1,
        body: 'Tjugo utbetalningar granskade,\ninga fel.',
        reportedOn: '2026-03-30',
      }),
    );
    await ok(
      coordinator.post('/control-results', {
        controlId: control.id,
        periodId: h.tenant.periodIds.q1,
        outcome: 'no_remarks',
        performedOn: '2026-03-28',
      }),
    );
    const current = (await coordinator.get(`/plans/${plan.id}`)).body;
    await ok(
      coordinator.post(`/plans/${plan.id}/adopt`, {
        version: current.version,
        decisionDate: '2026-02-12',
        decisionParagraph: '§ 14',
      }),
    );
    const added = await ok(
      coordinator.post('/risks', { planId: plan.id, title: 'Bristande informationssäkerhet', likelihood: 2 }),
    );
    ids.risks.push(added.id);
    await ok(coordinator.post(`/plans/${plan.id}/revisions`, { reason: 'Nämnden lade till en risk.' }));

    for (const format of ['pdf', 'docx'] as const) {
      const issued = await ok(
        coordinator.post('/reports/control-follow-up/issue', { unitId: h.tenant.unitA, period: '2026', format }),
      );
      ids.issued[format] = issued.id;
    }
    // A report issued before archival PDFs were made: a PDF that is not PDF/A.
    const plain = await coordinator.get(`/reports/plan?unit=${h.tenant.unitA}&period=2026&format=pdf`);
    expect(plain.status).toBe(200);
    const [row] = await h.db
      .insert(issuedReports)
      .values({
        tenantId: h.tenant.tenantId,
        kind: 'plan',
        unitId: h.tenant.unitA,
        period: '2026',
        format: 'pdf',
        title: 'Internkontrollplan 2026',
        fileName: 'plan-namnd-a-2026.pdf',
        contentType: 'application/pdf',
        byteSize: plain.bytes.length,
        sha256: sha256(plain.bytes),
        content: Buffer.from(plain.bytes),
        issuedById: h.userIds.coordinator!,
      })
      .returning({ id: issuedReports.id });
    ids.issued.plain = row!.id;

    // Another year of the same unit, and another unit: nothing of theirs may be in unit A's 2026 package.
    const admin = await h.as('tenantAdmin');
    const earlier = await ok(
      coordinator.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2025',
        startYear: 2025,
      }),
    );
    await ok(coordinator.post('/risks', { planId: earlier.id, title: 'Risk från 2025' }));
    await ok(coordinator.post(`/plans/${earlier.id}/adopt`, { version: earlier.version, decisionDate: '2025-02-01' }));
    const planB = await ok(
      admin.post('/plans', { unitId: h.tenant.unitB, kind: 'internal_control', title: 'Plan B 2026', startYear: 2026 }),
    );
    await ok(admin.post('/risks', { planId: planB.id, title: 'Risk i nämnd B' }));
    await ok(admin.post(`/plans/${planB.id}/adopt`, { version: planB.version, decisionDate: '2026-02-01' }));
    ids.otherPlans.push(earlier.id, planB.id);

    const reply = await coordinator.get(url(`unit=${h.tenant.unitA}&year=2026`));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/zip');
    expect(reply.headers.get('content-disposition')).toMatch(
      /^attachment; filename="arsarkiv-huvud-[\w-]+-namnd-a-2026-20260615T100000Z\.zip"$/,
    );
    expect(Number(reply.headers.get('x-archive-steps'))).toBeGreaterThan(0);
    unitA = await readArchivePackage(reply.bytes);
  }, 120_000);
  afterAll(() => h.close());

  test('every revision of the adopted plan is a PDF/A of that revision', () => {
    const first = unitA.files.get(documents('plans/internkontrollplan-2026-revision-1.pdf'))!;
    const second = unitA.files.get(documents('plans/internkontrollplan-2026-revision-2.pdf'))!;
    for (const pdf of [first, second]) {
      expect(Buffer.from(pdf).toString('latin1')).toMatch(/pdfaid:part(>|=")2/);
    }
    expect(pdfText(first)).toContain('Felaktiga utbetalningar');
    expect(pdfText(first)).not.toContain('Bristande informationssäkerhet');
    expect(pdfText(first)).toMatch(/revision\s+1/);
    expect(pdfText(second)).toContain('Bristande informationssäkerhet');
    expect(pdfText(second)).toMatch(/revision\s+2/);
    expect(unitA.metsFile(documents('plans/internkontrollplan-2026-revision-2.pdf')).getAttribute('USE')).toBe(
      'PDF/A-2A',
    );
    expect([...unitA.files.keys()].filter((path) => path.includes('2025'))).toEqual([]);
  });

  test('the issued reports are the exact bytes as sent; the manifest says which are not PDF/A', async () => {
    const issued = [...unitA.files.keys()].filter((path) => path.includes('/issued-reports/'));
    expect(issued).toHaveLength(3);
    const reader = await h.as('reader');
    const notPdfA: string[] = [];
    for (const id of Object.values(ids.issued)) {
      const original = await reader.get(`/issued-reports/${id}/file`);
      const path = issued.find((candidate) => sha256(unitA.files.get(candidate)!) === sha256(original.bytes));
      expect(path, `issued report ${id} is in the package byte for byte`).toBeDefined();
      const use = unitA.metsFile(path!).getAttribute('USE');
      if (id === ids.issued.pdf) expect(use).toBe('PDF/A-2A');
      else {
        expect(use).toBe('Original, inte PDF/A');
        notPdfA.push(path!);
      }
      expect(unitA.metsFile(path!).getAttribute('CREATED')).toBe(
        (await reader.get(`/issued-reports/${id}`)).body.issuedAt,
      );
    }
    expect(unitA.metsFile(issued.find((path) => path.endsWith('.docx'))!).getAttribute('MIMETYPE')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    // PREMIS records each file's fixity and format, and why a file is not PDF/A.
    const premis = await parseXml(unitA.text('metadata/preservation/premis.xml'), 'premis.xml');
    const objects = elementsOf(premis, PREMIS, 'object');
    expect(objects.length).toBe(
      [...unitA.files.keys()].filter((path) => !path.startsWith('metadata/') && path !== 'METS.xml').length,
    );
    for (const path of notPdfA) {
      const object = objects.find((candidate) => candidate.textContent?.includes(path))!;
      expect(elementsOf(object, PREMIS, 'significantPropertiesValue')[0]?.textContent).toMatch(/^Inte PDF\/A/);
      expect(elementsOf(object, PREMIS, 'messageDigest')[0]?.textContent).toBe(sha256(unitA.files.get(path)!));
    }
    const readme = unitA.text('documentation/las-mig.txt');
    for (const path of notPdfA) expect(readme).toContain(path);
  });

  test('the plan data is there as JSON and CSV', () => {
    const json = JSON.parse(unitA.text(datasets('internkontrollplan-2026/plan.json')));
    expect(json.plan.id).toBe(ids.plan);
    expect(json.plan.risks.map((risk: { title: string }) => risk.title)).toEqual([
      'Felaktiga utbetalningar',
      'Bristande informationssäkerhet',
    ]);
    expect(json.controlResults).toEqual([
      expect.objectContaining({ outcome: 'no_remarks', performedOn: '2026-03-28', period: 'Kvartal 1 2026' }),
    ]);
    const risks = csvRows(unitA.text(datasets('internkontrollplan-2026/risks.csv')));
    expect(risks.map((risk) => [risk.title, risk.riskValue])).toEqual([
      ['Felaktiga utbetalningar', '12'],
      ['Bristande informationssäkerhet', ''],
    ]);
    const controls = csvRows(unitA.text(datasets('internkontrollplan-2026/controls.csv')));
    expect(controls).toEqual([
      expect.objectContaining({ title: 'Stickprov av utbetalningar, "dubbla"', responsible: 'Person responsible' }),
    ]);
    const followUps = csvRows(unitA.text(datasets('internkontrollplan-2026/follow-ups.csv')));
    expect(followUps).toEqual([
      expect.objectContaining({
        itemType: 'control',
        period: 'Kvartal 1 2026',
        body: 'Tjugo utbetalningar granskade,\ninga fel.',
      }),
    ]);
    const results = csvRows(unitA.text(datasets('internkontrollplan-2026/results.csv')));
    expect(results).toEqual([expect.objectContaining({ outcome: 'no_remarks', recordedBy: 'Person coordinator' })]);
    for (const name of ['actions.csv', 'deviations.csv']) {
      expect(csvRows(unitA.text(datasets(`internkontrollplan-2026/${name}`)))).toEqual([]);
    }
  });

  test('the audit events are those of this unit’s plan of the year and its issued reports, nothing else', () => {
    const { events } = JSON.parse(unitA.text(datasets('audit-events.json'))) as {
      events: { entityType: string; entityId: string; operation: string; actor: string; changes: unknown }[];
    };
    const ofEntity = (id: string) => events.filter((event) => event.entityId === id);
    expect(ofEntity(ids.plan).map((event) => event.operation)).toEqual(expect.arrayContaining(['create', 'adopt']));
    for (const id of ids.risks) expect(ofEntity(id).length).toBeGreaterThan(0);
    for (const id of [ids.issued.pdf!, ids.issued.docx!]) expect(ofEntity(id)).toHaveLength(1);
    const types = new Set(events.map((event) => event.entityType));
    for (const type of ['plan', 'plan_version', 'risk', 'control', 'follow_up', 'control_result', 'issued_report'])
      expect(types, type).toContain(type);
    for (const type of types)
      expect(['user', 'session', 'api_token', 'role_assignment', 'tenant', 'org_unit']).not.toContain(type);
    for (const id of ids.otherPlans) expect(ofEntity(id)).toEqual([]);
    const text = unitA.text(datasets('audit-events.json'));
    expect(text).not.toContain('Risk från 2025');
    expect(text).not.toContain('Risk i nämnd B');
    expect(csvRows(unitA.text(datasets('audit-events.csv')))).toHaveLength(events.length);
  });

  test('Dublin Core describes the package', async () => {
    const dc = unitA.text('metadata/descriptive/dc.xml');
    await parseXml(dc, 'dc.xml');
    expect(dc).toContain(`<dc:identifier>${unitA.root}</dc:identifier>`);
    expect(dc).toContain('<dc:title>Årsarkiv 2026 – Nämnd A, Kommun huvud-');
    expect(dc).toContain('<dc:date>2026</dc:date>');
  });

  test('the whole tenant: every unit with a plan or an issued report, in English when asked', async () => {
    const reply = await (await h.as('tenantAdmin')).get(url('year=2026&lang=en'));
    expect(reply.status, strFromU8(reply.bytes.slice(0, 400))).toBe(200);
    const tenant = await readArchivePackage(reply.bytes);
    expect(tenant.root).toMatch(/-hela-2026-/);
    const units = new Set(
      [...tenant.files.keys()]
        .filter((path) => path.startsWith('representations/documents/data/'))
        .map((path) => path.split('/')[3]),
    );
    expect(units).toEqual(new Set(['namnd-a', 'namnd-b']));
    // The tenant's audit events are read for many units at once and split by unit: each unit's
    // file holds exactly what the unit's own package holds, and the two units share no event.
    const eventsOf = (archive: ArchivePackage, folder: string) =>
      (
        JSON.parse(archive.text(`representations/datasets/data/${folder}/audit-events.json`)) as {
          events: { entityId: string; occurredAt: string; operation: string }[];
        }
      ).events.map((event) => `${event.occurredAt} ${event.operation} ${event.entityId}`);
    expect(eventsOf(tenant, 'namnd-a')).toEqual(eventsOf(unitA, 'namnd-a'));
    const inB = new Set(eventsOf(tenant, 'namnd-b'));
    expect(inB.size).toBeGreaterThan(0);
    expect(eventsOf(tenant, 'namnd-a').filter((event) => inB.has(event))).toEqual([]);
    expect(tenant.text('documentation/readme.txt')).toContain('Files that are not PDF/A');
    expect(tenant.mets.documentElement!.getAttribute('LABEL')).toMatch(/^Annual archive 2026 – Kommun huvud-/);
  });

  test('who may: the unit’s coordinators and administrators; for the tenant, those of its top unit', async () => {
    const forA = url(`unit=${h.tenant.unitA}&year=2026`);
    expect((await (await h.as('administrator')).get(forA)).status).toBe(200);
    expect((await (await h.as('reader')).get(forA)).status).toBe(403);
    expect((await (await h.as('responsible')).get(forA)).status).toBe(403);
    expect((await (await h.as('auditor')).get(forA)).status).toBe(403);
    const hidden = await (await h.as('nobody')).get(forA);
    expect(hidden.status).toBe(404);
    expect(hidden.body.errors[0].path).toBe('unit');
    expect((await (await h.as('otherAdmin')).get(forA)).status).toBe(404);
    expect((await coordinator.get(url(`unit=${h.tenant.unitB}&year=2026`))).status).toBe(404);
    expect((await h.anonymous.get(forA)).status).toBe(401);
    const whole = await coordinator.get(url('year=2026'));
    expect(whole.status).toBe(403);
    expect(whole.body.detail).toContain('hela organisationen');
  });

  test('bad input names the field', async () => {
    const admin = await h.as('tenantAdmin');
    const year = await admin.get(url(`unit=${h.tenant.unitA}&year=26`));
    expect(year.status).toBe(400);
    expect(year.body.errors[0].path).toBe('year');
    const noPlan = await admin.get(url(`unit=${h.tenant.unitA}&year=2019`));
    expect(noPlan.status).toBe(404);
    expect(noPlan.body.errors[0].path).toBe('year');
    expect(noPlan.body.detail).toContain('Nämnd A har ingen antagen plan');
    const nothing = await admin.get(url('year=2030'));
    expect(nothing.status).toBe(404);
    expect(nothing.body.errors[0].path).toBe('year');
    const unknown = await admin.get(url('unit=01a23c25-8b37-7da4-b362-22e6ee300e11&year=2026'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].path).toBe('unit');
    const malformed = await admin.get(url('unit=nämnd&year=2026'));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].path).toBe('unit');
    expect((await admin.get('/archives')).body.errors[0].path).toBe('year');
  });
});
