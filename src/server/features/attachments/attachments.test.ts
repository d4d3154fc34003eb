import { createHash } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { and, asc, eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AttachmentTarget } from '../../../domain/control-result.ts';
import { createApp, type AppDependencies } from '../../app.ts';
import { CSRF_HEADER } from '../../auth/authenticate.ts';
import { createSession, SESSION_COOKIE } from '../../auth/sessions.ts';
import { attachments } from '../../db/schema/attachments.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { controlResults } from '../../db/schema/control-results.ts';
import { controls } from '../../db/schema/controls.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { createHarness, MATRIX_ROLES, type Harness } from '../../../../test/support/harness.ts';
import { createPlan, createRisk } from '../../../../test/support/factories.ts';
import { startS3Server } from '../../../../test/support/s3-server.ts';
import { withInsertsFailingAtCommit } from '../../../../test/support/failures.ts';

type App = ReturnType<typeof createApp>;
type Targets = Record<AttachmentTarget, string>;

interface Answer {
  status: number;
  body: any;
  headers: Headers;
  bytes: Uint8Array;
}

// Files as their programs write them (the first bytes are what counts).
const encoder = new TextEncoder();
const pdf = () => encoder.encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const png = () =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const jpeg = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const gif = () => encoder.encode('GIF89a\u0001\u0000\u0001\u0000');
const exe = () => new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
const ooxml = (folder: 'word' | 'xl' | 'ppt', extra: Record<string, Uint8Array> = {}) =>
  zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    '_rels/.rels': strToU8('<Relationships/>'),
    [`${folder}/${folder === 'xl' ? 'workbook' : folder === 'ppt' ? 'presentation' : 'document'}.xml`]: strToU8('<x/>'),
    ...extra,
  });
const odf = (kind: string) =>
  zipSync({
    mimetype: [strToU8(`application/vnd.oasis.opendocument.${kind}`), { level: 0 }],
    'content.xml': strToU8('<office:document-content/>'),
  });

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('attachments (evidence files)', () => {
  let h: Harness;
  const targets = { unitA: {} as Targets, unitB: {} as Targets };
  const sessions = new Map<string, Record<string, string>>();

  /** Minimal rows of every kind of target in a unit: a plan with a control, its follow-up, result and deviation, a review and its recommendation. */
  async function targetsIn(unitId: string): Promise<Targets> {
    const tenantId = h.tenant.tenantId;
    const plan = await createPlan(h.db, tenantId, unitId);
    const risk = await createRisk(h.db, tenantId, plan);
    const control = uuidv7();
    await h.db.insert(controls).values({ tenantId, id: control, planId: plan, riskId: risk, title: 'Attestkontroll' });
    const followUp = uuidv7();
    await h.db
      .insert(followUps)
      .values({ tenantId, id: followUp, controlId: control, periodId: h.tenant.periodIds.q2, body: 'Genomförd.' });
    const result = uuidv7();
    await h.db
      .insert(controlResults)
      .values({ tenantId, id: result, controlId: control, periodId: h.tenant.periodIds.q2, outcome: 'with_deviation' });
    const deviation = uuidv7();
    await h.db.insert(deviations).values({
      tenantId,
      id: deviation,
      controlId: control,
      title: 'Attest saknas',
      foundOn: '2026-06-01',
      severityId: h.tenant.vocabularyIds.deviation_severity.significant!,
    });
    const review = uuidv7();
    await h.db.insert(reviews).values({ tenantId, id: review, planId: plan, title: 'Granskning av inköp' });
    const recommendation = uuidv7();
    await h.db
      .insert(recommendations)
      .values({ tenantId, id: recommendation, reviewId: review, recommendation: 'Säkerställ attesten.' });
    return {
      plan,
      follow_up: followUp,
      control_result: result,
      deviation,
      review,
      recommendation,
    };
  }

  /** The session cookie and CSRF token of a harness person (sessions live in the database, so any app on it takes them). */
  async function headersOf(who: string): Promise<Record<string, string>> {
    const known = sessions.get(who);
    if (known) return known;
    const tenantId = who === 'otherAdmin' ? h.otherTenant.tenantId : h.tenant.tenantId;
    const session = await createSession(h.db, tenantId, h.userIds[who]!, h.clock.now());
    const headers = { cookie: `${SESSION_COOKIE}=${session.secret}`, [CSRF_HEADER]: session.csrfToken };
    sessions.set(who, headers);
    return headers;
  }

  async function call(app: App, who: string, method: string, path: string, body?: FormData | string): Promise<Answer> {
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers: await headersOf(who),
      ...(body === undefined ? {} : { body }),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // a file, not JSON
    }
    return { status: response.status, body: parsed, headers: response.headers, bytes };
  }

  interface Upload {
    targetType: AttachmentTarget;
    targetId: string;
    name?: string;
    /** The type the browser declares; by default none (application/octet-stream). */
    type?: string;
    bytes?: Uint8Array;
    description?: string;
  }

  function upload(who: string, file: Upload, app: App = h.app) {
    const form = new FormData();
    form.set(
      'file',
      new File([file.bytes ?? pdf()], file.name ?? 'protokollsutdrag.pdf', {
        type: file.type ?? '',
      }),
    );
    form.set('targetType', file.targetType);
    form.set('targetId', file.targetId);
    if (file.description !== undefined) form.set('description', file.description);
    return call(app, who, 'POST', '/attachments', form);
  }

  const list = (who: string, type: AttachmentTarget, id: string, extra = '') =>
    call(h.app, who, 'GET', `/attachments?targetType=${type}&targetId=${id}${extra}`);

  /** An app on the harness's database with other attachment settings. */
  const appWith = (settings: AppDependencies['attachments']) =>
    createApp({ database: h.database, clock: h.clock, attachments: settings });

  beforeAll(async () => {
    h = await createHarness();
    targets.unitA = await targetsIn(h.tenant.unitA);
    targets.unitB = await targetsIn(h.tenant.unitB);
  });
  afterAll(() => h.close());

  test('upload, list and download: the same bytes come back, with their SHA-256, name and type', async () => {
    const bytes = pdf();
    const uploaded = await upload('responsible', {
      targetType: 'follow_up',
      targetId: targets.unitA.follow_up,
      name: 'Protokollsutdrag § 95 – nämnden.pdf',
      type: 'application/pdf',
      bytes,
      description: 'Justerat protokollsutdrag',
    });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body).toMatchObject({
      targetType: 'follow_up',
      targetId: targets.unitA.follow_up,
      fileName: 'Protokollsutdrag § 95 – nämnden.pdf',
      contentType: 'application/pdf',
      size: bytes.byteLength,
      sha256: sha256(bytes),
      description: 'Justerat protokollsutdrag',
      uploadedById: h.userIds.responsible,
      uploadedByName: 'Person responsible',
      archivedAt: null,
    });
    expect(uploaded.body.createdAt).toBe(new Date(uploaded.body.createdAt).toISOString());
    const id = uploaded.body.id as string;

    const listed = await list('reader', 'follow_up', targets.unitA.follow_up);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);
    expect(listed.body.items.find((item: { id: string }) => item.id === id)).toEqual(uploaded.body);
    expect(listed.body.mayUpload).toBe(false);
    expect((await list('responsible', 'follow_up', targets.unitA.follow_up)).body.mayUpload).toBe(true);

    expect((await call(h.app, 'reader', 'GET', `/attachments/${id}`)).body).toEqual(uploaded.body);

    const downloaded = await call(h.app, 'reader', 'GET', `/attachments/${id}/content`);
    expect(downloaded.status).toBe(200);
    expect(sha256(downloaded.bytes)).toBe(uploaded.body.sha256);
    expect(downloaded.headers.get('content-type')).toBe('application/pdf');
    expect(downloaded.headers.get('x-content-type-options')).toBe('nosniff');
    expect(downloaded.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(downloaded.headers.get('content-disposition')).toBe(
      `attachment; filename="Protokollsutdrag - 95 - namnden.pdf"; filename*=UTF-8''${encodeURIComponent('Protokollsutdrag § 95 – nämnden.pdf')}`,
    );

    const [stored] = await h.db
      .select({ storage: attachments.storage, objectKey: attachments.objectKey })
      .from(attachments)
      .where(eq(attachments.id, id));
    expect(stored).toEqual({ storage: 'database', objectKey: null });
  });

  test('every kind of target takes files, each listed under its own target only', async () => {
    for (const [type, targetId] of Object.entries(targets.unitA) as [AttachmentTarget, string][]) {
      const uploaded = await upload('coordinator', { targetType: type, targetId, name: `${type}.png`, bytes: png() });
      expect(uploaded.status, `${type}: ${JSON.stringify(uploaded.body)}`).toBe(201);
      expect(uploaded.body).toMatchObject({ targetType: type, targetId, contentType: 'image/png' });
      const listed = await list('auditor', type, targetId);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((item: { fileName: string }) => item.fileName)).toContain(`${type}.png`);
      expect(
        listed.body.items.every((item: { targetType: string; targetId: string }) => item.targetId === targetId),
      ).toBe(true);
    }
  });

  test('the kinds taken are found from the content: PDF, images, Office, OpenDocument and UTF-8 text', async () => {
    const targetId = targets.unitA.plan;
    const cases: [string, Uint8Array, string, string][] = [
      ['bild.jpg', jpeg(), 'image/jpg', 'image/jpeg'],
      ['bild.gif', gif(), 'image/gif', 'image/gif'],
      [
        'rapport.docx',
        ooxml('word'),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        'stickprov.xlsx',
        ooxml('xl'),
        'application/zip',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      ['bilder.pptx', ooxml('ppt'), '', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      [
        'protokoll.odt',
        odf('text'),
        'application/vnd.oasis.opendocument.text',
        'application/vnd.oasis.opendocument.text',
      ],
      ['budget.ods', odf('spreadsheet'), '', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['urval.csv', encoder.encode('Verifikat;Belopp\n1001;2 500\n'), 'application/vnd.ms-excel', 'text/csv'],
      ['anteckningar.txt', encoder.encode('\ufeffÅtgärd: attestera före utbetalning.\n'), 'text/plain', 'text/plain'],
      ['Beslut 2026.06.12', encoder.encode('Beslutat.'), '', 'text/plain'],
    ];
    for (const [name, bytes, declared, found] of cases) {
      const uploaded = await upload('coordinator', { targetType: 'plan', targetId, name, type: declared, bytes });
      expect(uploaded.status, `${name}: ${JSON.stringify(uploaded.body)}`).toBe(201);
      expect(uploaded.body.contentType, name).toBe(found);
      const downloaded = await call(h.app, 'coordinator', 'GET', `/attachments/${uploaded.body.id}/content`);
      expect(downloaded.headers.get('content-type'), name).toBe(
        found.startsWith('text/') ? `${found}; charset=utf-8` : found,
      );
      expect(sha256(downloaded.bytes), name).toBe(sha256(bytes));
    }
  });

  test('a file of another kind is refused with 400 naming the file, however it is named or declared', async () => {
    const targetId = targets.unitA.plan;
    const latin1 = new Uint8Array([0x41, 0x74, 0x74, 0x65, 0x73, 0x74, 0xe5, 0x0a]);
    const cases: [string, Uint8Array, string, RegExp][] = [
      ['protokoll.pdf', exe(), 'application/pdf', /inte tas emot/],
      ['program.exe', exe(), 'application/x-msdownload', /inte tas emot/],
      ['latin1.txt', latin1, 'text/plain', /inte tas emot/],
      ['makron.docx', ooxml('word', { 'word/vbaProject.bin': new Uint8Array([1, 2, 3]) }), '', /makron/],
      ['arkiv.zip', zipSync({ 'a.txt': strToU8('a') }), 'application/zip', /inte tas emot/],
      ['skript.js', encoder.encode('WScript.Echo("hej")'), 'text/javascript', /\.js tas inte emot/],
      ['sida.html', encoder.encode('<script>alert(1)</script>'), 'text/html', /\.html tas inte emot/],
    ];
    for (const [name, bytes, declared, message] of cases) {
      const refused = await upload('coordinator', { targetType: 'plan', targetId, name, type: declared, bytes });
      expect(refused.status, name).toBe(400);
      expect(refused.body.type).toBe('urn:uppsikt:problem:validation_failed');
      expect(refused.body.errors, name).toEqual([{ path: 'file', message: expect.stringMatching(message) }]);
    }
    const english = await h.app.request('/api/v1/attachments', {
      method: 'POST',
      headers: { ...(await headersOf('coordinator')), 'accept-language': 'en' },
      body: (() => {
        const form = new FormData();
        form.set('file', new File([exe()], 'protokoll.pdf', { type: 'application/pdf' }));
        form.set('targetType', 'plan');
        form.set('targetId', targetId);
        return form;
      })(),
    });
    expect(english.status).toBe(400);
    const englishBody = (await english.json()) as { detail: string; errors: { path: string; message: string }[] };
    expect(englishBody.detail).toMatch(/not taken/);
    expect(englishBody.errors).toEqual([{ path: 'file', message: expect.stringMatching(/not taken/) }]);
  });

  test('the declared type and the name must agree with the content', async () => {
    const targetId = targets.unitA.plan;
    const declaredOtherwise = await upload('coordinator', {
      targetType: 'plan',
      targetId,
      name: 'bild.png',
      type: 'application/pdf',
      bytes: png(),
    });
    expect(declaredOtherwise.status).toBe(400);
    expect(declaredOtherwise.body.errors[0]).toEqual({
      path: 'file',
      message: 'Filen är en PNG-bild men skickades som application/pdf. Kontrollera att det är rätt fil.',
    });
    const namedOtherwise = await upload('coordinator', {
      targetType: 'plan',
      targetId,
      name: 'protokoll.pdf',
      type: 'application/octet-stream',
      bytes: png(),
    });
    expect(namedOtherwise.status).toBe(400);
    expect(namedOtherwise.body.errors[0].message).toBe(
      'Filen heter .pdf men är en PNG-bild. Ge den rätt filändelse och försök igen.',
    );
    const odtAsDocx = await upload('coordinator', { targetType: 'plan', targetId, name: 'a.docx', bytes: odf('text') });
    expect(odtAsDocx.status).toBe(400);
    expect(odtAsDocx.body.errors[0].path).toBe('file');
  });

  test('a file over ATTACHMENT_MAX_MB gets 400 at `file` saying the limit, whether the body or the file is found too large', async () => {
    const app = appWith({ maxBytes: 1024 * 1024 });
    const targetId = targets.unitA.review;
    const justOver = new Uint8Array(1024 * 1024 + 1).fill(0x41);
    justOver.set(encoder.encode('%PDF-1.4\n'));
    const fileOver = await upload(
      'coordinator',
      { targetType: 'review', targetId, name: 'stor.pdf', bytes: justOver },
      app,
    );
    expect(fileOver.status).toBe(400);
    expect(fileOver.body.type).toBe('urn:uppsikt:problem:validation_failed');
    expect(fileOver.body.detail).toMatch(/högst 1 MB/);
    expect(fileOver.body.errors[0].path).toBe('file');
    const bodyOver = await upload(
      'coordinator',
      { targetType: 'review', targetId, name: 'större.pdf', bytes: new Uint8Array(3 * 1024 * 1024).fill(0x41) },
      app,
    );
    expect(bodyOver.status).toBe(400);
    expect(bodyOver.body.detail).toMatch(/högst 1 MB/);
    expect(bodyOver.body.errors).toEqual([{ path: 'file', message: expect.stringMatching(/högst 1 MB/) }]);
    const within = new Uint8Array(1024 * 1024).fill(0x41);
    within.set(encoder.encode('%PDF-1.4\n'));
    expect(
      (await upload('coordinator', { targetType: 'review', targetId, name: 'ok.pdf', bytes: within }, app)).status,
    ).toBe(201);
  });

  test('bad input: no file, an empty file, an unknown target, JSON instead of a form', async () => {
    const targetId = targets.unitA.plan;
    const form = new FormData();
    form.set('targetType', 'plan');
    form.set('targetId', targetId);
    const noFile = await call(h.app, 'coordinator', 'POST', '/attachments', form);
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors.map((error: { path: string }) => error.path)).toEqual(['file']);
    const empty = await upload('coordinator', { targetType: 'plan', targetId, bytes: new Uint8Array() });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ path: 'file', message: 'Filen är tom.' }]);
    const unknownKind = await upload('coordinator', { targetType: 'risk' as AttachmentTarget, targetId });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors[0].path).toBe('targetType');
    const unknownTarget = await upload('coordinator', { targetType: 'deviation', targetId: uuidv7() });
    expect(unknownTarget.status).toBe(400);
    expect(unknownTarget.body.errors).toEqual([{ path: 'targetId', message: 'Finns inte.' }]);
    const wrongKind = await upload('coordinator', { targetType: 'review', targetId });
    expect(wrongKind.status).toBe(400);
    const json = await h.app.request('/api/v1/attachments', {
      method: 'POST',
      headers: { ...(await headersOf('coordinator')), 'content-type': 'application/json' },
      body: JSON.stringify({ targetType: 'plan', targetId }),
    });
    expect(json.status).toBe(415);
    expect((await list('coordinator', 'plan', uuidv7())).status).toBe(404);
  });

  describe('the role matrix: the target’s unit decides, as for the target itself', () => {
    const WRITERS = new Set(['administrator', 'coordinator', 'responsible']);
    const files = { unitA: '', unitB: '' };

    beforeAll(async () => {
      files.unitA = (
        await upload('tenantAdmin', { targetType: 'deviation', targetId: targets.unitA.deviation })
      ).body.id;
      files.unitB = (
        await upload('tenantAdmin', { targetType: 'deviation', targetId: targets.unitB.deviation })
      ).body.id;
    });

    for (const role of MATRIX_ROLES) {
      const mayWrite = WRITERS.has(role);
      test(`${role} on unit A: reads A (${role === 'auditor' ? 'and B' : 'not B'}), ${mayWrite ? 'uploads and archives in A' : 'only downloads'}`, async () => {
        for (const where of ['unitA', 'unitB'] as const) {
          const mayRead = where === 'unitA' || role === 'auditor';
          const readStatus = mayRead ? 200 : 404;
          expect((await list(role, 'deviation', targets[where].deviation)).status, `list ${where}`).toBe(readStatus);
          expect((await call(h.app, role, 'GET', `/attachments/${files[where]}`)).status, `get ${where}`).toBe(
            readStatus,
          );
          const content = await call(h.app, role, 'GET', `/attachments/${files[where]}/content`);
          expect(content.status, `content ${where}`).toBe(readStatus);
          const uploaded = await upload(role, { targetType: 'deviation', targetId: targets[where].deviation });
          const uploadStatus = where === 'unitA' && mayWrite ? 201 : mayRead ? 403 : 400;
          expect(uploaded.status, `upload ${where}: ${JSON.stringify(uploaded.body)}`).toBe(uploadStatus);
          const archived = await call(h.app, role, 'POST', `/attachments/${files[where]}/archive`);
          const archiveStatus = where === 'unitA' && mayWrite ? 200 : mayRead ? 403 : 404;
          expect(archived.status, `archive ${where}`).toBe(archiveStatus);
          if (archiveStatus === 200) {
            expect(archived.body.archivedAt).not.toBeNull();
            expect((await call(h.app, role, 'POST', `/attachments/${files[where]}/restore`)).status).toBe(200);
          }
        }
      });
    }

    test('someone without a role reads nothing', async () => {
      expect((await list('nobody', 'deviation', targets.unitA.deviation)).status).toBe(404);
      expect((await call(h.app, 'nobody', 'GET', `/attachments/${files.unitA}/content`)).status).toBe(404);
    });

    test('another tenant’s administrator gets 404 for the file and its target, and cannot upload to it', async () => {
      expect((await call(h.app, 'otherAdmin', 'GET', `/attachments/${files.unitA}`)).status).toBe(404);
      expect((await call(h.app, 'otherAdmin', 'GET', `/attachments/${files.unitA}/content`)).status).toBe(404);
      expect((await call(h.app, 'otherAdmin', 'POST', `/attachments/${files.unitA}/archive`)).status).toBe(404);
      expect((await list('otherAdmin', 'deviation', targets.unitA.deviation)).status).toBe(404);
      const uploaded = await upload('otherAdmin', { targetType: 'deviation', targetId: targets.unitA.deviation });
      expect(uploaded.status).toBe(400);
      expect(uploaded.body.errors[0].path).toBe('targetId');
    });
  });

  test('archived files leave the list unless asked for, are never deleted, and come back when restored', async () => {
    const targetId = targets.unitA.recommendation;
    const id = (await upload('coordinator', { targetType: 'recommendation', targetId, name: 'svar.pdf' })).body.id;
    const ids = async (extra = '') =>
      (await list('reader', 'recommendation', targetId, extra)).body.items.map((item: { id: string }) => item.id);
    expect(await ids()).toContain(id);
    const archived = await call(h.app, 'responsible', 'POST', `/attachments/${id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(await ids()).not.toContain(id);
    expect(await ids('&includeArchived=true')).toContain(id);
    // Still downloadable: it is kept.
    expect((await call(h.app, 'reader', 'GET', `/attachments/${id}/content`)).status).toBe(200);
    expect((await call(h.app, 'responsible', 'POST', `/attachments/${id}/archive`)).body.archivedAt).toBe(
      archived.body.archivedAt,
    );
    const restored = await call(h.app, 'responsible', 'POST', `/attachments/${id}/restore`);
    expect(restored.body.archivedAt).toBeNull();
    expect(await ids()).toContain(id);
  });

  test('upload, archive and restore are in the audit log, without the content', async () => {
    const marker = 'HEMLIG-MARKÖR-i-filens-innehåll';
    const bytes = encoder.encode(`Stickprov\n${marker}\n`);
    const uploaded = await upload('responsible', {
      targetType: 'control_result',
      targetId: targets.unitA.control_result,
      name: 'stickprov.txt',
      bytes,
    });
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.id as string;
    await call(h.app, 'coordinator', 'POST', `/attachments/${id}/archive`);
    await call(h.app, 'coordinator', 'POST', `/attachments/${id}/restore`);
    const events = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.entityId, id)))
      .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
    expect(events.map((event) => [event.entityType, event.operation, event.actorUserId, event.unitId])).toEqual([
      ['attachment', 'create', h.userIds.responsible, h.tenant.unitA],
      ['attachment', 'archive', h.userIds.coordinator, h.tenant.unitA],
      ['attachment', 'restore', h.userIds.coordinator, h.tenant.unitA],
    ]);
    expect(events[0]!.changes).toMatchObject({
      controlResultId: [null, targets.unitA.control_result],
      fileName: [null, 'stickprov.txt'],
      contentType: [null, 'text/plain'],
      byteSize: [null, bytes.byteLength],
      sha256: [null, sha256(bytes)],
      storage: [null, 'database'],
    });
    expect(events[0]!.changes).not.toHaveProperty('content');
    const logged = JSON.stringify(events.map((event) => event.changes));
    expect(logged).not.toContain('HEMLIG');
    expect(logged).not.toContain(Buffer.from(bytes).toString('base64').slice(0, 12));
    expect(logged).not.toContain(Buffer.from(bytes).toString('hex').slice(0, 16));
  });

  test('an upload is atomic: when its transaction fails at commit, no row of it remains', async () => {
    const before = await h.db.$count(attachments);
    const failed = await withInsertsFailingAtCommit(h.db, 'audit_events', () =>
      upload('coordinator', { targetType: 'plan', targetId: targets.unitA.plan }),
    );
    expect(failed.status).toBe(500);
    expect(await h.db.$count(attachments)).toBe(before);
  });

  describe('in S3-compatible object storage', () => {
    let s3: Awaited<ReturnType<typeof startS3Server>>;
    let app: App;

    beforeAll(async () => {
      s3 = await startS3Server();
      app = appWith({ maxBytes: 25 * 1024 * 1024, objectStorage: s3.config });
    });
    afterAll(() => s3?.stop());

    test('the content goes to the bucket, not the database, and is streamed back from it', async () => {
      const bytes = ooxml('xl');
      const uploaded = await upload(
        'coordinator',
        { targetType: 'plan', targetId: targets.unitA.plan, name: 'Urval 2026.xlsx', bytes },
        app,
      );
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
      const id = uploaded.body.id as string;
      const [stored] = await h.db
        .select({ storage: attachments.storage, objectKey: attachments.objectKey, content: attachments.content })
        .from(attachments)
        .where(eq(attachments.id, id));
      expect(stored).toEqual({
        storage: 'object_storage',
        objectKey: `attachments/${h.tenant.tenantId}/${id}`,
        content: null,
      });
      const client = new S3Client({
        endpoint: s3.config.endpoint,
        region: s3.config.region,
        forcePathStyle: true,
        credentials: { accessKeyId: s3.config.accessKeyId!, secretAccessKey: s3.config.secretAccessKey! },
      });
      const object = await client.send(new GetObjectCommand({ Bucket: s3.config.bucket, Key: stored!.objectKey! }));
      expect(sha256(await object.Body!.transformToByteArray())).toBe(sha256(bytes));
      expect(object.ContentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      client.destroy();

      const downloaded = await call(app, 'reader', 'GET', `/attachments/${id}/content`);
      expect(downloaded.status).toBe(200);
      expect(sha256(downloaded.bytes)).toBe(uploaded.body.sha256);
      expect(downloaded.headers.get('content-disposition')).toContain("filename*=UTF-8''Urval%202026.xlsx");

      // A file kept in the database before object storage was set up is still served from there.
      const older = await upload('coordinator', {
        targetType: 'plan',
        targetId: targets.unitA.plan,
        name: 'äldre.pdf',
      });
      expect((await call(app, 'reader', 'GET', `/attachments/${older.body.id}/content`)).status).toBe(200);
      // A server without the object storage says so instead of failing obscurely.
      const without = await call(h.app, 'reader', 'GET', `/attachments/${id}/content`);
      expect(without.status).toBe(503);
      expect(without.body.detail).toMatch(/S3_BUCKET/);
    });

    test('a bucket that does not answer gives 503 and writes nothing', async () => {
      const broken = appWith({ maxBytes: 1024 * 1024, objectStorage: { ...s3.config, bucket: 'finns-inte' } });
      const before = await h.db.$count(attachments);
      const refused = await upload('coordinator', { targetType: 'plan', targetId: targets.unitA.plan }, broken);
      expect(refused.status).toBe(503);
      expect(refused.body.detail).toMatch(/Objektlagringen/);
      expect(JSON.stringify(refused.body)).not.toContain(s3.config.secretAccessKey);
      expect(await h.db.$count(attachments)).toBe(before);
    });

    test('when the transaction fails, neither the row nor the object stays behind', async () => {
      const client = new S3Client({
        endpoint: s3.config.endpoint,
        region: s3.config.region,
        forcePathStyle: true,
        credentials: { accessKeyId: s3.config.accessKeyId!, secretAccessKey: s3.config.secretAccessKey! },
      });
      const objects = async () =>
        (await client.send(new ListObjectsV2Command({ Bucket: s3.config.bucket }))).KeyCount ?? 0;
      const before = { objects: await objects(), rows: await h.db.$count(attachments) };
      const failed = await withInsertsFailingAtCommit(h.db, 'audit_events', () =>
        upload('coordinator', { targetType: 'plan', targetId: targets.unitA.plan }, app),
      );
      expect(failed.status).toBe(500);
      expect({ objects: await objects(), rows: await h.db.$count(attachments) }).toEqual(before);
      client.destroy();
    });
  });
});
