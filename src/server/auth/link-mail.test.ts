import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fillLinkPlaceholders, linkPlaceholder, mailsLinks, resolveServerKey, SERVER_KEY_FILE } from './link-mail.ts';
import { derivedLinkSecret } from './secrets.ts';

const KEY = Buffer.alloc(32, 7);
const ID = '01890a5d-ac96-774b-bcce-b302099a8057';

describe('links by mail', () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  test('a mailed link’s secret is made again from the key and the id, and from nothing else', () => {
    const secret = derivedLinkSecret(KEY, ID);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(derivedLinkSecret(KEY, ID)).toBe(secret);
    expect(derivedLinkSecret(Buffer.alloc(32, 8), ID)).not.toBe(secret);
    expect(derivedLinkSecret(KEY, ID.replace('8057', '8058'))).not.toBe(secret);
  });

  test('the sender fills in every placeholder and leaves the rest of the body as it is', () => {
    const other = '01890a5d-ac96-774b-bcce-b302099a8058';
    const body = `Hej!\n${linkPlaceholder(ID)}\noch\n${linkPlaceholder(other)}\n[[engångslänk inte-ett-id]]`;
    expect(fillLinkPlaceholders(body, KEY, 'https://uppsikt.kommun.se')).toBe(
      `Hej!\nhttps://uppsikt.kommun.se/valj-losenord#${derivedLinkSecret(KEY, ID)}\noch\n` +
        `https://uppsikt.kommun.se/valj-losenord#${derivedLinkSecret(KEY, other)}\n[[engångslänk inte-ett-id]]`,
    );
  });

  test('links are mailed only with both a key and SMTP', () => {
    expect(mailsLinks({ key: KEY, publicUrl: 'x', smtp: true })).toBe(true);
    expect(mailsLinks({ key: KEY, publicUrl: 'x', smtp: false })).toBe(false);
    expect(mailsLinks({ key: null, publicUrl: 'x', smtp: true })).toBe(false);
  });

  test('the server key: SERVER_KEY; for the embedded database a key kept in DATA_DIR; for PostgreSQL without it none', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'uppsikt-key-'));
    folders.push(dataDir);
    expect(
      await resolveServerKey({ serverKey: 'en-lång-nyckel-med-minst-32-tecken!!', databaseUrl: undefined, dataDir }),
    ).toEqual(Buffer.from('en-lång-nyckel-med-minst-32-tecken!!'));
    expect(await resolveServerKey({ serverKey: undefined, databaseUrl: 'postgres://x/y', dataDir })).toBeNull();
    const first = await resolveServerKey({
      serverKey: undefined,
      databaseUrl: undefined,
      dataDir: join(dataDir, 'data'),
    });
    expect(first).toHaveLength(32);
    expect((await stat(join(dataDir, 'data', SERVER_KEY_FILE))).mode & 0o777).toBe(0o600);
    const again = await resolveServerKey({
      serverKey: undefined,
      databaseUrl: undefined,
      dataDir: join(dataDir, 'data'),
    });
    expect(again).toEqual(first);
  });
});
