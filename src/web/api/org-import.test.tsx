import { describe, expect, test } from 'vitest';
import { bytesToBase64, readImportFile } from './org-import.ts';

/** Base64 the plain way, a character per byte: slow, and the oracle the pieces are held to. */
const oneByOne = (bytes: Uint8Array) => btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));

describe('a chosen file as the import endpoints take it', () => {
  test('bytes of every value, across several pieces, are the same base64 as converted one by one', () => {
    const bytes = new Uint8Array(3 * 0x2000 + 7).map((_, index) => (index * 31 + 7) % 256);
    expect(bytesToBase64(bytes)).toBe(oneByOne(bytes));
    expect(bytesToBase64(new Uint8Array())).toBe('');
    expect(bytesToBase64(new Uint8Array([0xff, 0x00, 0x80, 0x41]))).toBe('/wCAQQ==');
  });

  test('a file of some megabytes is converted without overflowing the stack', () => {
    // 5 MB of "å" in Latin-1: each three bytes are "5eXl", the last two "5eU=".
    const bytes = new Uint8Array(5 * 1024 * 1024).fill(0xe5);
    expect(bytesToBase64(bytes)).toBe(`${'5eXl'.repeat((5 * 1024 * 1024 - 2) / 3)}5eU=`);
  });

  test('a file is read with its name, its bytes as they are (å, ä and ö in UTF-8, a byte-order mark kept)', async () => {
    const text = '\uFEFFNamn;Typ\r\nÅsa Öberg;Enhet\r\n';
    expect(await readImportFile(new File([text], 'enheter.csv'))).toEqual({
      fileName: 'enheter.csv',
      content: '77u/TmFtbjtUeXANCsOFc2Egw5ZiZXJnO0VuaGV0DQo=',
    });
  });
});
