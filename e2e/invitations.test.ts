import { describe, expect, test } from 'vitest';
import { checkScreen, signIn, useBrowserSession } from './support/session.ts';

// Invitations and forgotten passwords. The journeys' server has no SMTP, so an invitation's link
// is not mailed but shown once to the administrator, who passes it on; a forgotten password is
// answered the same whether or not the address has an account.

const session = useBrowserSession();

/** The name of the focused element: the text of what labels it, or its own text. */
const focusedName = `(() => {
  const element = document.activeElement;
  const labelledBy = element?.getAttribute('aria-labelledby');
  return labelledBy ? document.getElementById(labelledBy)?.textContent : element?.textContent;
})()`;

describe('invitations and forgotten passwords', () => {
  test('a tenant administrator invites a person without a password; the link, shown once, opens in another browser where the person chooses a password and is signed in', async () => {
    const page = await session.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
    await signIn(session, page, 'admin@malmo.example');
    await page.goto(`${session.url}/administration/anvandare`);
    await page.getByRole('heading', { level: 1, name: 'Användare och roller' }).waitFor();

    // A person with an address and no password, as a municipality adds a colleague.
    const added = page.getByRole('region', { name: 'Ny person' });
    await added.getByLabel('Namn', { exact: true }).fill('Sven Berg');
    await added.getByLabel('E-postadress').fill('sven.berg@malmo.example');
    await added.getByRole('button', { name: 'Lägg till personen' }).click();
    await page.getByText('Sven Berg är tillagd.').waitFor();
    const row = page.getByRole('row', { name: /^Sven Berg/ });
    await row.getByText('Utan inloggning').waitFor();

    await row.getByRole('button', { name: 'Bjud in Sven Berg' }).click();
    const panel = page.getByRole('region', { name: 'Länk till inbjudan för Sven Berg' });
    await panel.waitFor();
    expect(await page.evaluate<string>(focusedName)).toBe('Länk till inbjudan för Sven Berg');
    await panel.getByText(/Länken visas bara nu och går inte att visa igen\./).waitFor();
    await panel.getByText(/Ge länken till Sven Berg \(sven\.berg@malmo\.example\) och ingen annan/).waitFor();
    await row.getByText(/^Inbjuden – länken gäller till /).waitFor();
    await checkScreen(page, 'admin-users-invitation-link');

    await panel.getByRole('button', { name: 'Kopiera länken' }).click();
    await panel.getByRole('status').getByText('Länken är kopierad.').waitFor();
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toBe(await panel.getByLabel('Inbjudningslänk').inputValue());
    const link = new URL(copied);
    expect(link.pathname).toBe('/valj-losenord');
    expect(link.hash.length).toBeGreaterThan(20);

    // Closed, the link is gone for good, and focus is back in the person's row.
    await panel.getByRole('button', { name: 'Stäng länken' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await page.getByText(link.hash.slice(1)).count()).toBe(0);
    expect(await page.evaluate<string>(focusedName)).toBe('Skicka ny inbjudan till Sven Berg');

    // The person opens the link in a browser of their own.
    const invited = await session.newPage();
    await invited.goto(`${session.url}${link.pathname}${link.hash}`);
    await invited.getByRole('heading', { level: 1, name: 'Välkommen till Uppsikt' }).waitFor();
    await invited.getByText(/^Du är inbjuden till Uppsikt som Sven Berg, .+\. Välj ditt lösenord/).waitFor();
    await invited.getByText('Du loggar in med e-postadressen sven.berg@malmo.example.').waitFor();
    await checkScreen(invited, 'choose-password-invitation');
    await invited.getByLabel('Nytt lösenord').fill('svens-långa-lösenord');
    await invited.getByLabel('Upprepa lösenordet').fill('svens-långa-lösenord');
    await invited.getByRole('button', { name: 'Spara lösenordet och logga in' }).click();
    await invited.getByRole('heading', { level: 1, name: 'Mitt arbete' }).waitFor();
    await invited.getByText('Inloggad som Sven Berg').waitFor();
    await invited.context().close();

    // The administrator sees the invitation used: no longer open, and the person can sign in.
    await page.reload();
    await row.getByText('Kan logga in').waitFor();
    expect(await row.getByText(/Inbjuden/).count()).toBe(0);
    await row.getByRole('button', { name: 'Bjud in Sven Berg' }).waitFor();
    await page.context().close();
  });

  test('an administrator withdraws an invitation, and its link no longer works', async () => {
    const page = await session.newPage();
    await signIn(session, page, 'admin@malmo.example');
    await page.goto(`${session.url}/administration/anvandare`);
    const added = page.getByRole('region', { name: 'Ny person' });
    await added.getByLabel('Namn', { exact: true }).fill('Lena Ek');
    await added.getByLabel('E-postadress').fill('lena.ek@malmo.example');
    await added.getByRole('button', { name: 'Lägg till personen' }).click();
    const row = page.getByRole('row', { name: /^Lena Ek/ });
    await row.getByRole('button', { name: 'Bjud in Lena Ek' }).click();
    const panel = page.getByRole('region', { name: 'Länk till inbjudan för Lena Ek' });
    const link = new URL(await panel.getByLabel('Inbjudningslänk').inputValue());

    await row.getByRole('button', { name: 'Dra tillbaka inbjudan till Lena Ek' }).click();
    await page.getByRole('status').getByText('Inbjudan till Lena Ek är tillbakadragen.', { exact: false }).waitFor();
    await panel.waitFor({ state: 'detached' });
    await row.getByRole('button', { name: 'Bjud in Lena Ek' }).waitFor();
    expect(await page.evaluate<string>(focusedName)).toBe('Bjud in Lena Ek');
    await page.context().close();

    const invited = await session.newPage();
    await invited.goto(`${session.url}${link.pathname}${link.hash}`);
    await invited.getByRole('heading', { level: 1, name: 'Länken gäller inte längre' }).waitFor();
    await invited.context().close();
  });

  test('someone who forgot their password asks for a link from the sign-in page and gets the same answer for any address', async () => {
    const page = await session.newPage();
    await page.goto(`${session.url}/logga-in`);
    await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Glömt lösenordet' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/glomt-losenord');
    await checkScreen(page, 'forgot-password');

    await page.getByRole('button', { name: 'Skicka länken' }).click();
    await page.getByRole('alert').getByText('Skriv din e-postadress.', { exact: false }).waitFor();
    expect(await page.getByLabel('E-postadress').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('E-postadress').fill('admin@malmo.example');
    await page.getByRole('button', { name: 'Skicka länken' }).click();
    // The journeys' server has no SMTP: everyone is told that no link can be mailed here.
    const status = page.getByRole('status').filter({ hasText: 'Uppsikt skickar inga brev här' });
    await status.waitFor();
    const known = await status.textContent();
    expect(await page.evaluate<string | null>("document.activeElement.getAttribute('role')")).toBe('status');
    await checkScreen(page, 'forgot-password-answer');

    await page.getByLabel('E-postadress').fill('ingen-sadan@malmo.example');
    await page.getByRole('button', { name: 'Skicka länken' }).click();
    await expect.poll(() => page.evaluate<string | null>("document.activeElement.getAttribute('role')")).toBe('status');
    expect(await page.getByRole('status').filter({ hasText: 'Uppsikt skickar inga brev' }).textContent()).toBe(known);

    await page.getByRole('link', { name: 'Tillbaka till inloggningen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await page.context().close();
  });
});
