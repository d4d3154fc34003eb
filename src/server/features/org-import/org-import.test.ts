import ExcelJS from 'exceljs';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { users } from '../../db/schema/users.ts';
import { createHarness, ok, type Harness } from '../../../../test/support/harness.ts';

/** A file as the browser sends it: its name and its bytes in base64. */
function file(fileName: string, bytes: Uint8Array | string) {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return { fileName, content: buffer.toString('base64') };
}

/** Windows-1252 bytes, as Swedish Excel saves "CSV (semikolonavgränsad)". */
function windows1252(text: string) {
  return Uint8Array.from([...text].map((character) => character.charCodeAt(0)));
}

describe('importing the organisation from a file', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const unitsOf = async (tenantId: string) => h.db.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId));

  test('units: a preview writes nothing; the confirmation writes every row with its audit events', async () => {
    const admin = await h.as('tenantAdmin');
    const csv = windows1252(
      'Organisationsträd 2026\r\n' +
        '\r\n' +
        'Enhetsnamn;Nivå;Tillhör;Förkortning;Kommentar\r\n' +
        'Äldreomsorg;Avdelning;Vård och omsorg;;ny\r\n' +
        'Vård och omsorg;Förvaltning;Nämnd A;VOF;\r\n' +
        'Nämnd B;Nämnd;;NB;kod ges\r\n' +
        'Förvaltning A1;Förvaltning;Nämnd B;;flyttas\r\n',
    );
    const before = await unitsOf(h.tenant.tenantId);
    const preview = await ok(admin.post('/imports/units/preview', file('enheter.csv', csv)));
    expect(preview).toMatchObject({
      kind: 'units',
      fileName: 'enheter.csv',
      sheet: null,
      headerRow: 3,
      summary: { create: 2, change: 2, unchanged: 0, error: 0 },
    });
    expect(preview.columns).toEqual([
      { column: 1, heading: 'Enhetsnamn', field: 'name' },
      { column: 2, heading: 'Nivå', field: 'kind' },
      { column: 3, heading: 'Tillhör', field: 'parent' },
      { column: 4, heading: 'Förkortning', field: 'code' },
      { column: 5, heading: 'Kommentar', field: null },
    ]);
    expect(preview.rows[3]).toEqual({
      row: 7,
      outcome: 'change',
      label: 'Förvaltning A1',
      changes: [{ field: 'parent', from: 'Nämnd A', to: 'Nämnd B' }],
      errors: [],
    });
    expect(preview.rows[0].changes).toContainEqual({ field: 'kind', from: null, to: 'Avdelning' });
    expect(await unitsOf(h.tenant.tenantId)).toHaveLength(before.length);

    const events = await h.db.select().from(auditEvents).where(eq(auditEvents.tenantId, h.tenant.tenantId));
    const result = await ok(
      admin.post('/imports/units', { ...file('enheter.csv', csv), fingerprint: preview.fingerprint }),
    );
    expect(result).toEqual({ kind: 'units', summary: { create: 2, change: 2, unchanged: 0, error: 0 } });
    const after = await unitsOf(h.tenant.tenantId);
    const byName = new Map(after.map((unit) => [unit.name, unit]));
    expect(byName.get('Vård och omsorg')).toMatchObject({
      kind: 'forvaltning',
      shortName: 'VOF',
      parentId: h.tenant.unitA,
    });
    expect(byName.get('Äldreomsorg')).toMatchObject({ kind: 'avdelning', parentId: byName.get('Vård och omsorg')!.id });
    expect(byName.get('Nämnd B')).toMatchObject({ shortName: 'NB', version: 2 });
    expect(byName.get('Förvaltning A1')).toMatchObject({ parentId: h.tenant.unitB });
    const newEvents = (await h.db.select().from(auditEvents).where(eq(auditEvents.tenantId, h.tenant.tenantId))).slice(
      events.length,
    );
    expect(newEvents.map((event) => [event.entityType, event.operation]).sort()).toEqual([
      ['org_unit', 'create'],
      ['org_unit', 'create'],
      ['org_unit', 'update'],
      ['org_unit', 'update'],
    ]);

    // The same file again changes nothing.
    const again = await ok(admin.post('/imports/units/preview', file('enheter.csv', csv)));
    expect(again.summary).toEqual({ create: 0, change: 0, unchanged: 4, error: 0 });
  });

  test('people from a workbook: new and known people, roles on units by name or code, in English', async () => {
    const admin = await h.as('tenantAdmin');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Personal');
    sheet.addRow(['Name', 'E-mail', 'Job title', 'Unit', 'Role']);
    sheet.addRow(['Dana Berg', 'dana.berg@example.se', 'Controller', 'Nämnd A', 'Coordinator']);
    sheet.addRow(['Dana Berg', 'DANA.BERG@example.se', '', 'NB', 'Läsare']);
    sheet.addRow(['Person reader', `reader-${h.suffix}@example.se`, 'Handläggare', '', '']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const preview = await ok(
      admin.post('/imports/people/preview', file('personal.xlsx', bytes), { 'accept-language': 'en' }),
    );
    expect(preview.sheet).toBe('Personal');
    expect(preview.summary).toEqual({ create: 1, change: 2, unchanged: 0, error: 0 });
    expect(preview.rows[0].changes).toContainEqual({ field: 'role', from: null, to: 'Coordinator – Nämnd A' });
    expect(preview.rows[2].changes).toEqual([{ field: 'title', from: null, to: 'Handläggare' }]);

    await ok(admin.post('/imports/people', { ...file('personal.xlsx', bytes), fingerprint: preview.fingerprint }));
    const [dana] = await h.db
      .select()
      .from(users)
      .where(and(eq(users.tenantId, h.tenant.tenantId), eq(users.email, 'dana.berg@example.se')));
    expect(dana).toMatchObject({ name: 'Dana Berg', title: 'Controller', passwordHash: null });
    const roles = await h.db
      .select({ unitId: roleAssignments.unitId, role: roleAssignments.role })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, dana!.id), isNull(roleAssignments.revokedAt)));
    expect(roles).toEqual(
      expect.arrayContaining([
        { unitId: h.tenant.unitA, role: 'coordinator' },
        { unitId: h.tenant.unitB, role: 'reader' },
      ]),
    );
    const [reader] = await h.db.select().from(users).where(eq(users.id, h.userIds.reader!));
    expect(reader!.title).toBe('Handläggare');
    const grantEvents = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.entityType, 'role_assignment')));
    expect(
      grantEvents.filter((event) => (event.changes as Record<string, unknown[]>).userId?.[1] === dana!.id),
    ).toHaveLength(2);
  });

  test('a file with errors is refused as a whole, naming row and column; nothing is written', async () => {
    const admin = await h.as('tenantAdmin');
    const csv = 'Namn,Typ,Överordnad\nIdrott,Enhet,Nämnd A\nSkolan,Skola,Nämnd A\n';
    const preview = await ok(admin.post('/imports/units/preview', file('enheter.csv', csv)));
    expect(preview.summary).toEqual({ create: 1, change: 0, unchanged: 0, error: 1 });
    expect(preview.rows[1].errors[0]).toMatchObject({ field: 'kind' });
    const before = await unitsOf(h.tenant.tenantId);
    const refused = await admin.post('/imports/units', {
      ...file('enheter.csv', csv),
      fingerprint: preview.fingerprint,
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toBe('1 rad har fel. Rätta filen och förhandsgranska igen; inget har sparats.');
    expect(refused.body.errors).toEqual([{ path: 'rows.3.kind', message: expect.stringContaining('"Skola"') }]);
    expect(await unitsOf(h.tenant.tenantId)).toHaveLength(before.length);
  });

  test('a confirmation after the organisation changed is refused with 409, and nothing is written', async () => {
    const admin = await h.as('tenantAdmin');
    const csv = 'Namn;Typ;Överordnad\nNämnd B;Nämnd;\nKultur;Enhet;Nämnd B\n';
    const preview = await ok(admin.post('/imports/units/preview', file('enheter.csv', csv)));
    const [unitB] = await h.db.select().from(orgUnits).where(eq(orgUnits.id, h.tenant.unitB));
    await ok(admin.patch(`/org-units/${h.tenant.unitB}`, { version: unitB!.version, name: 'Nämnd B2' }));
    const before = await unitsOf(h.tenant.tenantId);
    const stale = await admin.post('/imports/units', { ...file('enheter.csv', csv), fingerprint: preview.fingerprint });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain('förhandsgranska igen'.replace('förhandsgranska', 'Förhandsgranska'));
    expect(await unitsOf(h.tenant.tenantId)).toHaveLength(before.length);
    await ok(admin.patch(`/org-units/${h.tenant.unitB}`, { version: unitB!.version + 1, name: 'Nämnd B' }));
  });

  test('files that cannot be used are refused with what to do', async () => {
    const admin = await h.as('tenantAdmin');
    const noHeadings = await admin.post('/imports/people/preview', file('x.csv', 'Förnamn;Efternamn\nAda;Lind\n'));
    expect(noHeadings.status).toBe(400);
    expect(noHeadings.body.errors[0].path).toBe('content');
    expect(noHeadings.body.errors[0].message).toContain('Namn, E-post, Titel, Enhet, Roll');
    const empty = await admin.post('/imports/units/preview', file('x.csv', 'Namn;Typ\n'));
    expect(empty.body.errors[0].message).toBe('Filen har inga rader under rubrikerna.');
    const notBase64 = await admin.post('/imports/units/preview', { fileName: 'x.csv', content: 'inte base64!' });
    expect(notBase64.status).toBe(400);
    expect(notBase64.body.errors[0].path).toBe('content');
    const unknownKind = await admin.post('/imports/roles/preview', file('x.csv', 'Namn;Typ\nA;Enhet\n'));
    expect(unknownKind.status).toBe(400);
    const xls = await admin.post(
      '/imports/units/preview',
      file('x.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])),
    );
    expect(xls.body.errors[0].message).toContain('.xlsx');
  });

  test('a file of several megabytes is taken, one above the limit refused', async () => {
    const admin = await h.as('tenantAdmin');
    const line = (index: number) => `Enhet ${index} ${'x'.repeat(80)};Enhet;Nämnd A\n`;
    const big =
      'Namn;Typ;Överordnad\n' +
      Array.from({ length: (2 * 1024 * 1024) / line(0).length }, (_, index) => line(index)).join('');
    const preview = await admin.post('/imports/units/preview', file('stor.csv', big));
    expect(preview.status).toBe(200);
    const tooBig = await admin.post('/imports/units/preview', file('för-stor.csv', 'x'.repeat(6 * 1024 * 1024)));
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.detail).toContain('5 MB');
    expect(tooBig.body.errors).toEqual([{ path: 'content', message: expect.stringContaining('5 MB') }]);
  });

  test('only the tenant administrator imports, and only into their own tenant', async () => {
    const csv = `Namn;Typ;Överordnad\nIdrott;Enhet;Kommun huvud-${h.suffix}\n`;
    for (const who of ['administrator', 'coordinator', 'reader', 'auditor']) {
      const reply = await (await h.as(who)).post('/imports/units/preview', file('enheter.csv', csv));
      expect(reply.status, who).toBe(403);
    }
    const anonymous = await h.anonymous.post('/imports/units/preview', file('enheter.csv', csv));
    expect(anonymous.status).toBe(401);
    // The other tenant's administrator does not find this tenant's units.
    const other = await ok((await h.as('otherAdmin')).post('/imports/units/preview', file('enheter.csv', csv)));
    expect(other.rows[0].outcome).toBe('error');
    expect(other.rows[0].errors[0].message).toContain(`Det finns ingen enhet "Kommun huvud-${h.suffix}"`);
  });
});
