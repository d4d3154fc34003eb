import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract } from '../../../../test/support/resource-contract.ts';

describe('statuses and risk matrices', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const readOnly = { read: true, write: false };
  const roles = {
    administrator: readOnly,
    coordinator: readOnly,
    responsible: readOnly,
    reader: readOnly,
    auditor: readOnly,
  };
  let statusCount = 0;
  describeResourceContract(
    {
      resource: 'statuses',
      entityType: 'status',
      tenantWide: true,
      async create(harness) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/statuses', {
          key: `vilande-${++statusCount}`,
          labelSv: 'Vilande',
          labelEn: 'Paused',
          colour: '#6b7280',
          icon: 'pause',
          category: 'in_progress',
        });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ labelSv: `Vilande ${n}` }),
      changedField: 'labelSv',
      roles,
    },
    () => h,
  );

  const matrix = (levels: number) => ({
    likelihoodLevels: Array.from({ length: levels }, (_, index) => ({ value: index + 1, label: `S${index + 1}` })),
    consequenceLevels: Array.from({ length: levels }, (_, index) => ({ value: index + 1, label: `K${index + 1}` })),
    bands: [
      { min: 1, max: 4, label: 'Låg', colour: '#15803d' },
      { min: 5, max: levels * levels, label: 'Hög', colour: '#b91c1c' },
    ],
  });
  let year = 2000;
  describeResourceContract(
    {
      resource: 'risk-matrices',
      entityType: 'risk_matrix',
      tenantWide: true,
      async create(harness) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/risk-matrices', { validFromYear: ++year, ...matrix(4) });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({
        ...matrix(4),
        bands: [
          { min: 1, max: 3 + (n % 5), label: 'Låg', colour: '#15803d' },
          { min: 4 + (n % 5), max: 16, label: 'Hög', colour: '#b91c1c' },
        ],
      }),
      changedField: 'bands',
      roles,
    },
    () => h,
  );

  test('a matrix whose bands leave a riskvärde out is refused, naming the rule in Swedish', async () => {
    const reply = await (
      await h.as('tenantAdmin')
    ).post('/risk-matrices', {
      validFromYear: 2030,
      ...matrix(5),
      bands: [
        { min: 1, max: 4, label: 'Låg', colour: '#15803d' },
        { min: 6, max: 25, label: 'Hög', colour: '#b91c1c' },
      ],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([
      { path: 'bands', message: 'Riskvärde 5 ska ligga i exakt ett färgband, men ligger i 0.' },
    ]);
  });

  test('a status key is unique and shaped like a slug; inactive statuses leave the list', async () => {
    const admin = await h.as('tenantAdmin');
    const duplicate = await admin.post('/statuses', {
      key: 'klar',
      labelSv: 'Klar',
      labelEn: 'Done',
      colour: '#15803d',
      icon: 'check',
      category: 'completed',
    });
    expect(duplicate.body.errors).toEqual([{ path: 'key', message: 'Nyckeln används redan.' }]);
    const klar = (await admin.get(`/statuses/${h.tenant.statusIds.klar}`)).body;
    await admin.patch(`/statuses/${klar.id}`, { active: false, version: klar.version });
    expect((await admin.get('/statuses')).body.items.map((s: { key: string }) => s.key)).not.toContain('klar');
    expect((await admin.get('/statuses?includeInactive=true')).body.items.map((s: { key: string }) => s.key)).toContain(
      'klar',
    );
  });
});
