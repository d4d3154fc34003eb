import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, HARNESS_NOW, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract, ITEM_ROLES } from '../../../../test/support/resource-contract.ts';

describe('controls', () => {
  let h: Harness;
  const riskIds = { unitA: '', unitB: '' };
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    for (const unit of ['unitA', 'unitB'] as const) {
      const planId = (
        await admin.post('/plans', {
          unitId: h.tenant[unit],
          kind: 'internal_control',
          title: 'IK-plan',
          startYear: 2026,
        })
      ).body.id;
      riskIds[unit] = (
        await admin.post('/risks', { planId, title: 'Felaktig hantering av inköp', likelihood: 3, consequence: 3 })
      ).body.id;
    }
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'controls',
      entityType: 'control',
      async create(harness, unit) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/controls', {
          riskId: riskIds[unit],
          title: 'Stickprov av inköp',
          // Named only where they hold their role: a person named outside it is told so (403), see below.
          responsibleIds: unit === 'unitA' ? [harness.userIds.responsible] : [],
        });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ scope: `Stickprov av ${n} fakturor` }),
      changedField: 'scope',
      archivable: true,
      roles: ITEM_ROLES,
    },
    () => h,
  );

  test('a control carries its responsible and reporting persons, checkpoints and dates; the audit records them', async () => {
    const client = await h.as('coordinator');
    const reply = await client.post('/controls', {
      riskId: riskIds.unitA,
      title: 'Kontroll av behörigheter',
      responsibleIds: [h.userIds.responsible, h.userIds.unassigned],
      reportingIds: [h.userIds.reader],
      startDate: '2026-01-01',
      checkpoints: ['2026-09-01', '2026-04-30', '2026-09-01'],
      endDate: '2026-12-31',
      statusId: h.tenant.statusIds.pagaende,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      responsibleIds: [h.userIds.responsible, h.userIds.unassigned],
      reportingIds: [h.userIds.reader],
      checkpoints: ['2026-04-30', '2026-09-01'],
      overdue: false,
      version: 1,
    });
    const history = await (await h.as('auditor')).get(`/audit-events?entityId=${reply.body.id}`);
    expect(history.status).toBe(200);
    expect(history.body.items[0].changes.responsibleIds).toEqual([[], [h.userIds.responsible, h.userIds.unassigned]]);
  });

  test('a responsible person changes content and status but not who answers for the control', async () => {
    const admin = await h.as('tenantAdmin');
    const created = (
      await admin.post('/controls', {
        riskId: riskIds.unitA,
        title: 'Attestkontroll',
        responsibleIds: [h.userIds.responsible],
      })
    ).body;
    const client = await h.as('responsible');
    const status = await client.patch(`/controls/${created.id}`, {
      statusId: h.tenant.statusIds.klar,
      version: created.version,
    });
    expect(status.status).toBe(200);
    const people = await client.patch(`/controls/${created.id}`, {
      responsibleIds: [h.userIds.reader],
      version: status.body.version,
    });
    expect(people.status).toBe(403);
    expect(people.body.errors).toEqual([{ path: 'responsibleIds', message: 'Får bara ändras av samordnare.' }]);
    // A responsible person who is not assigned to the control may not change it.
    const other = (await admin.post('/controls', { riskId: riskIds.unitA, title: 'Annan kontroll' })).body;
    expect((await client.patch(`/controls/${other.id}`, { scope: 'x', version: other.version })).status).toBe(403);
  });

  test('a control says how and how much: a method of the tenant’s list, scope, reporting time and recipients', async () => {
    const client = await h.as('coordinator');
    const stickprov = h.tenant.vocabularyIds.control_method.stickprov!;
    const reply = await client.post('/controls', {
      riskId: riskIds.unitA,
      title: 'Kontroll av leverantörsfakturor',
      methodId: stickprov,
      scope: '20 fakturor per kvartal, slumpvis valda',
      reportingTime: 'Vid delårsbokslut',
      reportsTo: ['committee', 'director'],
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      method: { id: stickprov, key: 'stickprov', labelSv: 'Stickprov', labelEn: 'Sample check', archived: false },
      scope: '20 fakturor per kvartal, slumpvis valda',
      reportingTime: 'Vid delårsbokslut',
      reportsTo: ['committee', 'director'],
      frequency: null,
    });
    const listed = await client.get(`/controls?methodId=${stickprov}&limit=500`);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(reply.body.id);
    // A risk category is not a control method; an unknown id is not one either.
    const wrongKind = await client.post('/controls', {
      riskId: riskIds.unitA,
      title: 'Fel sorts val',
      methodId: h.tenant.vocabularyIds.risk_category['legal-risk']!,
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors[0].path).toBe('methodId');
    const unknownRecipient = await client.post('/controls', {
      riskId: riskIds.unitA,
      title: 'Okänd mottagare',
      reportsTo: ['mayor'],
    });
    expect(unknownRecipient.status).toBe(400);
  });

  test('a method archived since stays on the control that has it, and is refused for a new one', async () => {
    const admin = await h.as('tenantAdmin');
    const intervju = h.tenant.vocabularyIds.control_method.intervju!;
    const control = (
      await admin.post('/controls', { riskId: riskIds.unitA, title: 'Intervju med attestanter', methodId: intervju })
    ).body;
    await h.db.execute(sql`update vocabulary_entries set archived_at = now() where id = ${intervju}`);
    try {
      const kept = await admin.patch(`/controls/${control.id}`, {
        methodId: intervju,
        title: 'Intervjuer med attestanter',
        version: control.version,
      });
      expect(kept.status).toBe(200);
      expect(kept.body.method).toMatchObject({ id: intervju, archived: true });
      const refused = await admin.post('/controls', {
        riskId: riskIds.unitA,
        title: 'Ny intervju',
        methodId: intervju,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toBe('methodId');
    } finally {
      await h.db.execute(sql`update vocabulary_entries set archived_at = null where id = ${intervju}`);
    }
  });

  test('a frequency makes the checkpoints; changing it replaces only those, dates added by hand stay', async () => {
    const admin = await h.as('tenantAdmin');
    const created = await admin.post('/controls', {
      riskId: riskIds.unitA,
      title: 'Avstämning av kassa',
      frequency: { kind: 'quarterly' },
      checkpoints: ['2026-05-15'],
    });
    expect(created.status).toBe(201);
    expect(created.body.frequency).toEqual({ kind: 'quarterly' });
    expect(created.body.checkpoints).toEqual(['2026-03-31', '2026-05-15', '2026-06-30', '2026-09-30', '2026-12-31']);
    const tertial = await admin.patch(`/controls/${created.body.id}`, {
      frequency: { kind: 'tertial' },
      version: created.body.version,
    });
    expect(tertial.status).toBe(200);
    expect(tertial.body.checkpoints).toEqual(['2026-04-30', '2026-05-15', '2026-08-31', '2026-12-31']);
    const history = await (await h.as('auditor')).get(`/audit-events?entityId=${created.body.id}`);
    const change = history.body.items.find((event: { operation: string }) => event.operation === 'update');
    expect(change.changes.checkpoints).toEqual([
      ['2026-03-31', '2026-05-15', '2026-06-30', '2026-09-30', '2026-12-31'],
      ['2026-04-30', '2026-05-15', '2026-08-31', '2026-12-31'],
    ]);
    // Shorter dates narrow the generated checkpoints too.
    const halfYear = await admin.patch(`/controls/${created.body.id}`, {
      endDate: '2026-06-30',
      version: tertial.body.version,
    });
    expect(halfYear.body.checkpoints).toEqual(['2026-04-30', '2026-05-15']);
    const given = await admin.patch(`/controls/${created.body.id}`, {
      frequency: { kind: 'dates', dates: ['2026-02-01', '2026-06-01'] },
      version: halfYear.body.version,
    });
    expect(given.body.checkpoints).toEqual(['2026-02-01', '2026-05-15', '2026-06-01']);
    const cleared = await admin.patch(`/controls/${created.body.id}`, {
      frequency: null,
      version: given.body.version,
    });
    expect(cleared.body.checkpoints).toEqual(['2026-05-15']);
  });

  test('a frequency that gives no date in the control’s time is refused, naming the field', async () => {
    const admin = await h.as('tenantAdmin');
    const reply = await admin.post('/controls', {
      riskId: riskIds.unitA,
      title: 'Datum utanför planen',
      frequency: { kind: 'dates', dates: ['2030-01-15'] },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].path).toBe('frequency');
    expect(reply.body.errors[0].message).toContain('2026-01-01');
    const unknownKind = await admin.post('/controls', {
      riskId: riskIds.unitA,
      title: 'Okänd frekvens',
      frequency: { kind: 'weekly' },
    });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors[0].path).toMatch(/^frequency/);
  });

  test('overdue is derived: the end date has passed and the status is not completed', async () => {
    const admin = await h.as('tenantAdmin');
    const late = (
      await admin.post('/controls', {
        riskId: riskIds.unitA,
        title: 'Försenad kontroll',
        endDate: '2020-06-30',
        statusId: h.tenant.statusIds.pagaende,
      })
    ).body;
    const done = (
      await admin.post('/controls', {
        riskId: riskIds.unitA,
        title: 'Klar kontroll',
        endDate: '2020-06-30',
        statusId: h.tenant.statusIds.klar,
      })
    ).body;
    expect(late.overdue).toBe(true);
    expect(done.overdue).toBe(false);
    const overdue = await admin.get('/controls?overdue=true&limit=500');
    const ids = overdue.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(done.id);
    const notOverdue = await admin.get('/controls?overdue=false&limit=500');
    expect(notOverdue.body.items.map((c: { id: string }) => c.id)).toContain(done.id);
  });

  test('overdue follows the server clock in Swedish time: due today is not overdue, the next Swedish day it is', async () => {
    let admin = await h.as('tenantAdmin');
    const control = (
      await admin.post('/controls', {
        riskId: riskIds.unitA,
        title: 'Kontroll med slutdatum',
        endDate: '2026-06-15',
        statusId: h.tenant.statusIds.pagaende,
      })
    ).body;
    const overdueNow = async () => (await admin.get(`/controls/${control.id}`)).body.overdue as boolean;
    const listed = async () =>
      (await admin.get('/controls?overdue=true&limit=500')).body.items.some(
        (c: { id: string }) => c.id === control.id,
      ) as boolean;
    try {
      // 23:59 in Stockholm (summer time, UTC+2) on the end date: still due today, in the item and in the list filter.
      h.clock.set('2026-06-15T21:59:00Z');
      admin = await h.signIn('tenantAdmin');
      expect([await overdueNow(), await listed()]).toEqual([false, false]);
      // 00:01 in Stockholm the next day, while it is still the 15th in UTC.
      h.clock.set('2026-06-15T22:01:00Z');
      expect([await overdueNow(), await listed()]).toEqual([true, true]);
      // Years later it stays overdue; the answer depends on the clock the server is given, never on the machine's date.
      h.clock.set('2031-01-01T12:00:00Z');
      admin = await h.signIn('tenantAdmin');
      expect(await overdueNow()).toBe(true);
    } finally {
      h.clock.set(HARNESS_NOW);
    }
  });

  test('the list filters by responsible person and risk', async () => {
    const admin = await h.as('tenantAdmin');
    const mine = await admin.get(`/controls?responsible=${h.userIds.responsible}&riskId=${riskIds.unitA}&limit=500`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(
      mine.body.items.every(
        (c: { responsibleIds: string[]; reportingIds: string[]; riskId: string }) =>
          c.riskId === riskIds.unitA && [...c.responsibleIds, ...c.reportingIds].includes(h.userIds.responsible!),
      ),
    ).toBe(true);
  });

  test('validation: dates in order, persons that exist, a risk that exists', async () => {
    const client = await h.as('coordinator');
    const dates = await client.post('/controls', {
      riskId: riskIds.unitA,
      title: 'K',
      startDate: '2026-05-01',
      endDate: '2026-04-01',
    });
    expect(dates.body.errors).toEqual([{ path: 'endDate', message: 'Slutdatum kan inte vara före startdatum.' }]);
    const person = await client.post('/controls', {
      riskId: riskIds.unitA,
      title: 'K',
      responsibleIds: [h.userIds.otherAdmin],
    });
    expect(person.body.errors).toEqual([{ path: 'responsibleIds.0', message: 'Personen finns inte.' }]);
    const risk = await client.post('/controls', { riskId: riskIds.unitB, title: 'K' });
    expect(risk.body.errors).toEqual([{ path: 'riskId', message: 'Finns inte.' }]);
    const status = await client.post('/controls', {
      riskId: riskIds.unitA,
      title: 'K',
      statusId: h.otherTenant.statusIds.klar,
    });
    expect(status.status).toBe(400);
    expect(status.body.errors).toEqual([{ path: 'statusId', message: 'Finns inte.' }]);
  });
  test('a function as kontrollansvarig resolves to whoever holds it today; unknown, archived and unheld ones are refused', async () => {
    const admin = await h.as('tenantAdmin');
    const fn = (await admin.post('/unit-functions', { unitId: h.tenant.unitA, name: 'Ekonomichef' })).body;
    // No one holds it during the plan's year yet: the control would have no kontrollansvarig.
    const unheld = await admin.post('/controls', {
      riskId: riskIds.unitA,
      title: 'Attest av leverantörsfakturor',
      responsibleFunctionId: fn.id,
    });
    expect(unheld.status).toBe(400);
    expect(unheld.body.errors).toEqual([
      {
        path: 'responsibleFunctionId',
        message:
          'Ingen innehar funktionen Ekonomichef mellan 2026-01-01 och 2026-12-31. Lägg först till den som innehar den (Organisation → Funktioner).',
      },
    ]);
    // Held from after today: accepted (someone holds it while the control runs), nobody holds it today.
    const later = await admin.post(`/unit-functions/${fn.id}/holders`, {
      userId: h.userIds.reader,
      validFrom: '2026-09-01',
    });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    const created = await admin.post('/controls', {
      riskId: riskIds.unitA,
      title: 'Attest av leverantörsfakturor',
      responsibleFunctionId: fn.id,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.responsibleFunctionId).toBe(fn.id);
    expect(created.body.responsibleFunction).toEqual({
      id: fn.id,
      name: 'Ekonomichef',
      unitId: h.tenant.unitA,
      holderId: null,
      holderName: null,
    });
    // Held from the start of the year by the same person: today's holder shows at once.
    const earlier = await admin.post(`/unit-functions/${fn.id}/holders`, {
      userId: h.userIds.reader,
      validFrom: '2026-01-01',
      validTo: '2026-08-31',
    });
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(201);
    const shown = (await admin.get(`/controls/${created.body.id}`)).body;
    expect(shown.responsibleFunction).toMatchObject({ holderId: h.userIds.reader, holderName: 'Person reader' });
    const listed = (await admin.get(`/controls?riskId=${riskIds.unitA}&limit=500`)).body.items.find(
      (c: { id: string }) => c.id === created.body.id,
    );
    expect(listed.responsibleFunction.holderId).toBe(h.userIds.reader);
    // Mitt arbete: the holder answers for the control today, though not assigned to it by name.
    const mine = async (userId: string) =>
      (await admin.get(`/controls?responsible=${userId}&limit=500`)).body.items.map((c: { id: string }) => c.id);
    expect(await mine(h.userIds.reader!)).toContain(created.body.id);
    expect(await mine(h.userIds.responsible!)).not.toContain(created.body.id);

    // A responsible person does not choose who answers for the control.
    const responsible = await h.as('responsible');
    const refused = await responsible.patch(`/controls/${created.body.id}`, {
      version: shown.version,
      responsibleFunctionId: null,
    });
    expect(refused.status).toBe(403);

    const unknown = await admin.post('/controls', {
      riskId: riskIds.unitA,
      title: 'K',
      responsibleFunctionId: h.tenant.unitA,
    });
    expect(unknown.body.errors).toEqual([{ path: 'responsibleFunctionId', message: 'Funktionen finns inte.' }]);
    await admin.post(`/unit-functions/${fn.id}/archive`);
    const archived = await admin.post('/controls', { riskId: riskIds.unitA, title: 'K', responsibleFunctionId: fn.id });
    expect(archived.body.errors).toEqual([
      { path: 'responsibleFunctionId', message: 'Funktionen Ekonomichef är arkiverad. Välj en annan funktion.' },
    ]);
    // The control that already names it keeps it through other changes.
    const kept = await admin.patch(`/controls/${created.body.id}`, {
      version: shown.version,
      title: 'Attest av fakturor',
      responsibleFunctionId: fn.id,
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    const cleared = await admin.patch(`/controls/${created.body.id}`, {
      version: kept.body.version,
      responsibleFunctionId: null,
    });
    expect(cleared.body.responsibleFunction).toBeNull();
  });
  test('whoever holds the responsible function today writes the control as a responsible person, not after the holding ends', async () => {
    const admin = await h.as('tenantAdmin');
    const fn = (await admin.post('/unit-functions', { unitId: h.tenant.unitA, name: 'Controller' })).body;
    const held = await admin.post(`/unit-functions/${fn.id}/holders`, {
      userId: h.userIds.responsible,
      validFrom: '2026-01-01',
    });
    const control = (
      await admin.post('/controls', {
        riskId: riskIds.unitA,
        title: 'Kontroll via funktion',
        responsibleFunctionId: fn.id,
      })
    ).body;
    const responsible = await h.as('responsible');
    const written = await responsible.patch(`/controls/${control.id}`, { version: control.version, title: 'Ändrad' });
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    await admin.post(`/unit-functions/${fn.id}/holders/${held.body.holders[0].id}/end`, { validTo: '2026-06-14' });
    const refused = await responsible.patch(`/controls/${control.id}`, {
      version: written.body.version,
      title: 'Igen',
    });
    expect(refused.status).toBe(403);
  });
});
