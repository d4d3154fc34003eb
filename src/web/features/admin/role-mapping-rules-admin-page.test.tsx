import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { administratorOf, NAMND_UNIT, ROOT_UNIT } from '../../../../test/web/admin-fixtures.ts';
import { answerConfirm, renderScreen } from '../../../../test/web/render.tsx';
import { answerFetch, json } from '../../../../test/web/fake-fetch.ts';
import type { RoleMappingRule } from '../../api/identity-providers.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { RoleMappingRulesAdminPage } from './role-mapping-rules-admin-page.tsx';

const RULE: RoleMappingRule = {
  id: 'rule-1',
  providerId: null,
  claim: 'groups',
  value: 'Alla chefer',
  role: 'reader',
  unitId: ROOT_UNIT.id,
  version: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  archivedAt: null,
};

const PROVIDER = {
  id: 'idp-1',
  protocol: 'oidc',
  name: 'Kommunens konto',
  slug: 'entra',
  enabled: true,
  settings: {},
  hasClientSecret: true,
  addresses: { signIn: '/sso/x/entra/oidc/login', redirect: '/cb', metadata: null, signOut: null },
  version: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  archivedAt: null,
};

const PEOPLE = [
  {
    userId: 'p2',
    name: 'Anna Samordnare',
    email: 'anna@kommun.example',
    alreadyHolds: false,
    lastSignInAt: '2026-03-01T08:00:00.000Z',
  },
  { userId: 'p3', name: 'Bertil Berg', email: null, alreadyHolds: true, lastSignInAt: null },
];

function server() {
  let rules = [RULE];
  return answerFetch((request) => {
    const path = request.url.split('?')[0];
    if (path === '/api/v1/me') return json(administratorOf());
    if (path === '/api/v1/org-units')
      return json({
        items: [ROOT_UNIT, NAMND_UNIT].map((unit) => ({ ...unit, archivedAt: null, version: 1 })),
        total: 2,
      });
    if (path === '/api/v1/identity-providers') return json({ items: [PROVIDER] });
    if (path === '/api/v1/role-mapping-rules' && request.method === 'GET') return json({ items: rules });
    if (path === '/api/v1/role-mapping-rules/preview') return json({ people: PEOPLE });
    if (path === '/api/v1/role-mapping-rules' && request.method === 'POST') {
      const created: RoleMappingRule = { ...RULE, ...(request.body as Partial<RoleMappingRule>), id: 'rule-2' };
      rules = [...rules, created];
      return json(created, 201);
    }
    if (path === '/api/v1/role-mapping-rules/rule-1/archive') {
      rules = [{ ...RULE, archivedAt: '2026-03-02T09:00:00.000Z', version: 2 }];
      return json(rules[0]);
    }
    throw new Error(`unexpected request ${request.method} ${request.url}`);
  });
}

afterEach(() => setCsrfToken(null));

describe('RoleMappingRulesAdminPage', () => {
  test('the rules are listed with their claim, value, role, unit and provider ("Alla" for every one)', async () => {
    server();
    renderScreen('/administration/inloggning/regler', RoleMappingRulesAdminPage);
    const row = await screen.findByRole('row', { name: /^groups/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.firstChild?.textContent),
    ).toEqual(['Alla chefer', 'Läsare', 'Exempelkommun', 'Alla', 'Gäller']);
  });

  test('a new rule is previewed (who would get the role, who has it) before it is added', async () => {
    const user = userEvent.setup();
    const seen = server();
    renderScreen('/administration/inloggning/regler', RoleMappingRulesAdminPage);
    const form = await screen.findByRole('region', { name: 'Ny regel' });
    expect(within(form).getByLabelText<HTMLInputElement>('Uppgift (claim)').value).toBe('groups');
    await user.type(within(form).getByLabelText('Värde'), 'IK-samordnare');
    await user.selectOptions(within(form).getByLabelText('Roll'), 'Samordnare');
    await user.selectOptions(within(form).getByLabelText('Enhet'), NAMND_UNIT.id);
    await user.selectOptions(within(form).getByLabelText('Inloggningssätt'), 'Kommunens konto');
    await user.click(within(form).getByRole('button', { name: 'Förhandsgranska' }));

    const preview = (await within(form).findByRole('heading', { name: 'Vem som skulle få rollen' })).closest(
      'section',
    )!;
    expect(within(preview).getByRole('status').textContent).toBe(
      '2 personer skulle få rollen; 1 av dem har den redan.',
    );
    expect(within(within(preview).getByRole('row', { name: /Anna Samordnare/ })).getByText('Får rollen')).toBeTruthy();
    expect(
      within(within(preview).getByRole('row', { name: /Bertil Berg/ })).getByText('Har redan rollen'),
    ).toBeTruthy();
    const body = {
      providerId: 'idp-1',
      claim: 'groups',
      value: 'IK-samordnare',
      role: 'coordinator',
      unitId: NAMND_UNIT.id,
    };
    expect(seen.find((request) => request.url === '/api/v1/role-mapping-rules/preview')!.body).toEqual(body);

    // A change to the rule makes the preview stale: it goes until previewed again.
    await user.type(within(form).getByLabelText('Värde'), 'x');
    expect(within(form).queryByRole('heading', { name: 'Vem som skulle få rollen' })).toBeNull();
    await user.type(within(form).getByLabelText('Värde'), '{Backspace}');

    await user.click(within(form).getByRole('button', { name: 'Lägg till regeln' }));
    await within(form).findByText(/^Regeln är tillagd/);
    expect(
      seen.find((request) => request.method === 'POST' && request.url === '/api/v1/role-mapping-rules')!.body,
    ).toEqual(body);
    await screen.findByRole('row', { name: /IK-samordnare/ });
  });

  test('a rule is archived after a question and shown again on request', async () => {
    const user = userEvent.setup();
    answerConfirm(true);
    server();
    renderScreen('/administration/inloggning/regler', RoleMappingRulesAdminPage);
    const row = await screen.findByRole('row', { name: /^groups/ });
    await user.click(within(row).getByRole('button', { name: 'Arkivera regeln groups = Alla chefer' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /^groups/ })).toBeNull());
    await user.click(screen.getByRole('checkbox', { name: /Visa arkiverade regler/ }));
    expect(await screen.findByRole('button', { name: 'Återställ regeln groups = Alla chefer' })).toBeTruthy();
  });
});
