import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { administratorOf, NAMND_UNIT, ROOT_UNIT } from '../../../../test/web/admin-fixtures.ts';
import { renderScreen } from '../../../../test/web/render.tsx';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import { TEST_SIGN_IN_POLL_MS } from '../../api/identity-providers.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { TestSignInOutcome } from './test-sign-in-page.tsx';

const PATH = '/administration/inloggning/idp-1/test/attempt-1';
const Screen = () => <TestSignInOutcome providerId="idp-1" attemptId="attempt-1" />;

const SUCCESS = {
  subject: 'bertil',
  email: 'bertil@kommun.example',
  name: 'Bertil Samordnare',
  values: {
    sub: ['bertil'],
    email: ['bertil@kommun.example'],
    groups: ['IK-Samordnare', 'Alla anställda'],
  },
  rules: [{ id: 'rule-1', role: 'coordinator', unitId: NAMND_UNIT.id }],
};

/** A server whose test sign-in answers with each of `answers` in turn, the last one from then on. */
function server(answers: { finished: boolean; result: Record<string, unknown> | null }[]) {
  let asked = 0;
  const seen = answerFetch((request) => {
    const path = request.url.split('?')[0];
    if (path === '/api/v1/me') return json(administratorOf());
    if (path === '/api/v1/org-units')
      return json({
        items: [ROOT_UNIT, NAMND_UNIT].map((unit) => ({ ...unit, archivedAt: null, version: 1 })),
        total: 2,
      });
    if (path === '/api/v1/identity-providers/idp-1')
      return json({ id: 'idp-1', name: 'Kommunens konto', protocol: 'oidc' });
    if (path === '/api/v1/role-mapping-rules')
      return json({
        items: [{ id: 'rule-1', providerId: null, claim: 'groups', value: 'ik-samordnare', role: 'coordinator' }],
      });
    if (path === '/api/v1/identity-providers/idp-1/test-sign-ins/attempt-1') {
      const answer = answers[Math.min(asked, answers.length - 1)]!;
      asked += 1;
      return json({ id: 'attempt-1', createdAt: '2026-03-02T09:00:00.000Z', ...answer });
    }
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  });
  return { seen, asked: () => asked };
}

afterEach(() => setCsrfToken(null));

describe('the test sign-in’s outcome', () => {
  test('what the provider sent, every claim, and the rules that fit with the role and unit they give', async () => {
    server([{ finished: true, result: SUCCESS }]);
    renderScreen(PATH, Screen);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Resultat av testinloggningen');
    await screen.findByText('Inloggningssätt: Kommunens konto');
    expect(screen.getByText(/^Inloggningen hos identitetsleverantören lyckades/).getAttribute('role')).toBe('status');
    const sent = screen.getByRole('region', { name: 'Vad identitetsleverantören skickade' });
    expect(within(sent).getByText('bertil', { selector: 'dd code' })).toBeTruthy();
    expect(within(sent).getByText('Bertil Samordnare')).toBeTruthy();
    const claims = within(sent).getByRole('table', { name: 'Alla uppgifter (claims och attribut)' });
    const groups = within(claims).getByRole('row', { name: /^groups/ });
    expect(
      within(groups)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['IK-Samordnare', 'Alla anställda']);
    const rules = screen.getByRole('region', { name: 'Regler som passar' });
    await within(rules).findByText('Samordnare på Socialnämnden');
    await within(rules).findByText('(enligt regeln groups = ik-samordnare)');
  });

  test('a failure is explained in words by its code, with the details', async () => {
    server([{ finished: true, result: { failure: 'missing_email', details: 'no email claim in the ID token' } }]);
    renderScreen(PATH, Screen);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Testinloggningen misslyckades.');
    expect(alert.textContent).toContain('Identitetsleverantören skickade ingen e-postadress.');
    expect(alert.textContent).toContain('Detaljer: no email claim in the ID token');
  });

  test('an unknown failure code is still shown, with the code', async () => {
    server([{ finished: true, result: { failure: 'something_new', details: '' } }]);
    renderScreen(PATH, Screen);
    expect((await screen.findByRole('alert')).textContent).toContain('Okänt fel (something_new).');
  });

  test('while the provider has not answered, the page waits and asks again until the outcome is there', async () => {
    const { asked } = server([
      { finished: false, result: null },
      { finished: true, result: { ...SUCCESS, rules: [] } },
    ]);
    renderScreen(PATH, Screen);
    expect(
      (await screen.findByText('Väntar på svar från identitetsleverantören …')).closest('[role="status"]'),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/^Ingen regel passar/)).toBeTruthy(), {
      timeout: TEST_SIGN_IN_POLL_MS * 3,
    });
    expect(screen.queryByText('Väntar på svar från identitetsleverantören …')).toBeNull();
    // Once finished, it is not asked about again.
    const after = asked();
    await new Promise((resolve) => setTimeout(resolve, TEST_SIGN_IN_POLL_MS + 200));
    expect(asked()).toBe(after);
  });
});
