import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { checkScreen, signIn, useBrowserSession } from './support/session.ts';

// The yearly cycle in the browser: adopt a plan, change it, compare it with the adopted
// version, and roll the year over.

const session = useBrowserSession();

/** Calls the API as the signed-in person, with the session's CSRF token, as the application does. */
async function apiAs(page: Page, method: 'POST' | 'PATCH' | 'GET', path: string, data?: unknown) {
  const me = (await (await page.request.get(`${session.url}/api/v1/me`)).json()) as { csrfToken: string };
  const response = await page.request.fetch(`${session.url}/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
    ...(data === undefined ? {} : { data: JSON.stringify(data) }),
  });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

describe('the yearly cycle', () => {
  test('a coordinator adopts a plan, changes it, compares it with the adopted version and rolls the year over', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'samordnare@malmo.example');
    const units = (await apiAs(page, 'GET', '/org-units?limit=200')) as { items: { id: string; name: string }[] };
    const unitId = units.items.find((unit) => unit.name === 'Grundskolenämnden')!.id;
    const plan = await apiAs(page, 'POST', '/plans', {
      unitId,
      kind: 'internal_control',
      title: 'Internkontrollplan 2027',
      startYear: 2027,
    });
    const risk = await apiAs(page, 'POST', '/risks', {
      planId: plan.id,
      title: 'Brister i schemaläggningen',
      likelihood: 2,
      consequence: 3,
    });
    await apiAs(page, 'POST', '/actions', { planId: plan.id, riskId: risk.id, title: 'Ny rutin för schemaläggning' });

    await page.goto(`${session.url}/planer/${String(plan.id)}`);
    await page.getByRole('heading', { level: 2, name: 'Besluta planen' }).waitFor();
    await checkScreen(page, 'plan-draft');
    await page.getByLabel('Datum', { exact: true }).fill('2027-02-10');
    await page.getByLabel('Paragraf', { exact: true }).fill('§ 12');
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    await page.getByRole('heading', { level: 2, name: 'Beslutad plan och revisioner' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Beslutad' }).waitFor();

    const current = await apiAs(page, 'GET', `/risks/${String(risk.id)}`);
    await apiAs(page, 'PATCH', `/risks/${String(risk.id)}`, { version: current.version, likelihood: 4 });

    await page.getByRole('link', { name: 'Jämför med i dag (Beslutad)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jämförelse av planen' }).waitFor();
    const row = page.getByRole('row', { name: /Brister i schemaläggningen/ });
    await expect.poll(() => row.textContent()).toContain('Sannolikhet: 2 → 4');
    await checkScreen(page, 'plan-comparison');

    await page.getByRole('link', { name: 'Tillbaka till planen' }).click();
    await page.getByLabel('Skäl till ändringen').fill('Nämnden beslutade 2027-05-12 § 40 att höja sannolikheten.');
    await page.getByRole('button', { name: 'Spara revision' }).click();
    await page.getByRole('heading', { level: 3, name: 'Revision 2' }).waitFor();
    await checkScreen(page, 'plan-adopted');

    await page.getByRole('button', { name: 'Gör nästa års plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Internkontrollplan 2028' }).waitFor();
    const links = page.getByRole('region', { name: 'Överföringar' });
    await expect.poll(() => links.textContent()).toContain('Ny rutin för schemaläggning');
    await expect.poll(() => links.textContent()).toContain('överförd från Internkontrollplan 2027');
    await page.getByRole('heading', { level: 2, name: 'Besluta planen' }).waitFor();
    await page.context().close();
  });

  test('a deviation is recorded and the administrator reads its notice in the outbox', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@exempelkommun-b.example');
    const controls = (await apiAs(page, 'GET', '/controls?limit=500&sort=title')) as {
      items: { id: string; title: string; commonControlId: string | null }[];
    };
    // One of the nämnd's own controls (a common control's copy names no one to notify yet).
    const control = controls.items.find((item) => item.commonControlId === null)!;
    const severities = (await apiAs(page, 'GET', '/vocabularies?kind=deviation_severity')) as {
      items: { id: string; key: string }[];
    };
    await apiAs(page, 'POST', '/deviations', {
      controlId: control.id,
      title: 'Rutinen följdes inte i mars',
      severityId: severities.items.find((entry) => entry.key === 'very_significant')!.id,
      foundOn: '2026-03-31',
    });
    await page.goto(`${session.url}/administration/utkorg`);
    await page.getByRole('heading', { level: 1, name: 'Utkorg' }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: 'Avvikelse (mycket väsentlig): Rutinen följdes inte i mars' })
      .first()
      .waitFor();
    await checkScreen(page, 'outbox');
    await page.context().close();
  });

  test('an auditors’ recommendation is recorded on a review, answered and followed until done', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'samordnare@malmo.example');
    const reviews = (await apiAs(page, 'GET', '/reviews?limit=1&sort=meetingDate')) as { items: { id: string }[] };
    await page.goto(`${session.url}/granskningar/${reviews.items[0]!.id}/redigera`);
    await page.getByRole('heading', { level: 2, name: 'Rekommendationer' }).waitFor();
    const added = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ny rekommendation' }) });
    await added.getByLabel('Från', { exact: true }).fill('Revisorerna');
    await added
      .getByRole('textbox', { name: 'Rekommendation', exact: true })
      .fill('Följ upp att attestordningen följs.');
    await added.getByRole('button', { name: 'Lägg till rekommendationen' }).click();
    const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Rekommendation 1' }) });
    await first.waitFor();
    await first
      .getByRole('textbox', { name: 'Nämndens svar', exact: true })
      .fill('Nämnden instämmer och ger förvaltningen i uppdrag att följa upp.');
    await first.getByLabel('Status', { exact: true }).selectOption({ label: 'Pågående' });
    await first.getByRole('button', { name: 'Spara rekommendation 1' }).click();
    await expect
      .poll(
        async () =>
          (
            (await apiAs(page, 'GET', `/recommendations?reviewId=${reviews.items[0]!.id}`)) as {
              items: { answer: string | null }[];
            }
          ).items[0]?.answer,
      )
      .toBe('Nämnden instämmer och ger förvaltningen i uppdrag att följa upp.');
    await checkScreen(page, 'review-recommendations');

    // A sub-recommendation under it, and the recommendation addressed to a nämnd that answers for itself.
    const reviewId = reviews.items[0]!.id;
    await first.getByText('Ny delrekommendation till rekommendation 1').click();
    const part = first.locator('details');
    await part.getByRole('textbox', { name: 'Rekommendation', exact: true }).fill('Stickprov varje kvartal.');
    await part.getByRole('button', { name: 'Lägg till delrekommendationen' }).click();
    await first.getByRole('heading', { name: 'Rekommendation 1.1' }).waitFor();
    const addressees = first.getByRole('group', { name: 'Nämnder som rekommendation 1 är riktad till' });
    await addressees.getByRole('combobox', { name: /^Nämnd/ }).selectOption({ index: 1 });
    await addressees.getByRole('button', { name: 'Rikta till nämnden' }).click();
    const answer = addressees.getByRole('button', { name: /^Spara svaret från / });
    await answer.waitFor();
    await addressees.getByRole('textbox', { name: 'Nämndens svar', exact: true }).fill('Vi inför stickprov.');
    await answer.click();
    await expect
      .poll(
        async () =>
          (
            (await apiAs(page, 'GET', `/recommendations?reviewId=${reviewId}`)) as {
              items: { parentId: string | null; addressees: { answer: string | null }[] }[];
            }
          ).items.find((item) => item.parentId === null)?.addressees[0]?.answer,
      )
      .toBe('Vi inför stickprov.');
    await checkScreen(page, 'review-recommendations-addressed');
    await page.context().close();
  });

  test('the årshjul shows the year month by month, with meetings, deadlines per role, period ends and reports sent', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@exempelkommun-b.example');
    const units = (await apiAs(page, 'GET', '/org-units?limit=200')) as { items: { id: string; name: string }[] };
    const unitId = units.items.find((unit) => unit.name === 'Utbildningsnämnden')!.id;
    await apiAs(page, 'POST', '/reporting-calendar/events', {
      kind: 'deadline',
      role: 'responsible',
      unitId,
      date: '2020-09-01',
      title: 'Kontrollansvariga har rapporterat',
    });
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Årshjul' }).click();
    await page.getByRole('heading', { level: 1, name: 'Årshjul' }).waitFor();
    await page.getByLabel('År', { exact: true }).selectOption('2020');
    const september = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 2, name: 'september' }) });
    await expect.poll(() => september.textContent()).toContain('Nämndsammanträde: Rapportering till nämnd');
    await expect
      .poll(() => september.textContent())
      .toContain('Tidsgräns: Kontrollansvariga har rapporterat (Ansvarig · Utbildningsnämnden)');
    await expect.poll(() => september.textContent()).toContain('Perioden slutar: Kvartal 3 2020');
    await checkScreen(page, 'year');
    await page.context().close();
  });
});
