import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, ok, type Client, type Harness } from '../../../../test/support/harness.ts';
import { docxText, pdfText } from '../../../../test/support/seed-fidelity.ts';

// The plan report's line of earlier assessments: a risk carried over from earlier years' plans
// (roll-over, 2024 → 2025 → 2026) shows each earlier year's likelihood × consequence = value and
// the response decided that year, as the risk page's history does; a risk new in the plan, and
// the first year's plan, print no such line.

describe('the plan report: a carried-over risk’s earlier assessments', () => {
  let h: Harness;
  let admin: Client;
  const md = async (period: string, lang: 'sv' | 'en' = 'sv', format = 'md') => {
    const reply = await admin.get(
      `/reports/plan?unit=${h.tenant.unitB}&period=${period}&format=${format}&lang=${lang}`,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply;
  };
  const text = async (period: string, lang: 'sv' | 'en' = 'sv') =>
    new TextDecoder().decode((await md(period, lang)).bytes);

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.as('tenantAdmin');
    const adopt = async (planId: string, decisionDate: string) => {
      const plan = await ok(admin.get(`/plans/${planId}`));
      await ok(admin.post(`/plans/${planId}/adopt`, { version: plan.version, decisionDate }));
    };
    const first = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitB,
        kind: 'internal_control',
        title: 'Internkontrollplan 2024',
        startYear: 2024,
      }),
    );
    await ok(
      admin.post('/risks', {
        planId: first.id,
        title: 'Felaktiga utbetalningar',
        likelihood: 2,
        consequence: 3,
        response: 'control',
      }),
    );
    await adopt(first.id, '2023-12-12');
    const second = await ok(admin.post(`/plans/${first.id}/roll-over`, {}));
    // In 2025 the risk is assessed anew, and treated.
    const [carried] = (await ok(admin.get(`/risks?planId=${second.planId}`))).items as {
      id: string;
      version: number;
    }[];
    await ok(
      admin.patch(`/risks/${carried!.id}`, {
        version: carried!.version,
        likelihood: 3,
        consequence: 4,
        response: 'treat',
      }),
    );
    await adopt(second.planId, '2024-12-10');
    const third = await ok(admin.post(`/plans/${second.planId}/roll-over`, {}));
    await ok(admin.post('/risks', { planId: third.planId, title: 'Ny risk 2026', likelihood: 1, consequence: 2 }));
  });
  afterAll(() => h.close());

  test('each earlier year once, oldest first, with its value and response; not the plan’s own year', async () => {
    const report = await text('2026');
    const section = report.slice(
      report.indexOf('## Risk: Felaktiga utbetalningar'),
      report.indexOf('## Risk: Ny risk 2026'),
    );
    expect(section).toContain('Tidigare bedömningar: 2024: 2 × 3 = 6, Kontrollera; 2025: 3 × 4 = 12, Åtgärda');
    expect(report.match(/Tidigare bedömningar/g)).toHaveLength(1);
    // The risk new in the plan has no history, so no line.
    expect(report.slice(report.indexOf('## Risk: Ny risk 2026'))).not.toContain('Tidigare');
    const english = await text('2026', 'en');
    expect(english).toContain('Earlier assessments: 2024: 2 × 3 = 6, Control; 2025: 3 × 4 = 12, Treat');
  });

  test('the middle year shows only the year before it; the first year’s plan shows none', async () => {
    expect(await text('2025')).toContain('Tidigare bedömningar: 2024: 2 × 3 = 6, Kontrollera');
    expect(await text('2025')).not.toContain('2025: 3 × 4');
    expect(await text('2024')).not.toContain('Tidigare bedömningar');
  });

  test('in the PDF and the DOCX too', async () => {
    const pdf = pdfText((await md('2026', 'sv', 'pdf')).bytes).replace(/\s+/g, ' ');
    expect(pdf).toContain('Tidigare bedömningar: 2024: 2 × 3 = 6, Kontrollera; 2025: 3 × 4 = 12, Åtgärda');
    const docx = docxText((await md('2026', 'sv', 'docx')).bytes).replace(/\s+/g, ' ');
    expect(docx).toContain('Tidigare bedömningar: 2024: 2 × 3 = 6, Kontrollera; 2025: 3 × 4 = 12, Åtgärda');
  });
});
