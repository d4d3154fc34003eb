import type {
  OrgImportField,
  OrgImportKind,
  orgImportConfirm,
  orgImportFile,
  orgImportPreview,
  orgImportResult,
} from '../../domain/contracts/org-import.ts';
import { api } from '../lib/api.ts';
import type { Answer, Body } from './shared.ts';

export type { OrgImportField, OrgImportKind };
export type OrgImportPreview = Answer<typeof orgImportPreview>;
export type OrgImportRow = OrgImportPreview['rows'][number];
export type OrgImportResult = Answer<typeof orgImportResult>;
/** A file as the import endpoints take it: its name and its bytes in base64. */
export type OrgImportFile = Body<typeof orgImportFile>;

// The organisation in one go: a file of units, or of people and their roles, is first previewed
// (nothing is written) and then imported with the preview's fingerprint. The preview is a POST
// whose answer belongs to the one file sent, so it is not cached under a query key; after an
// import the screen calls `invalidateOrgImport` (api/invalidation.ts).

/**
 * Bytes turned into characters at a time: a whole file at once would pass millions of arguments
 * and overflow the stack; pieces of this size are also the fastest.
 */
const PIECE = 0x2000;

/** The bytes in base64, a piece at a time, so that a file of some megabytes neither overflows the stack nor crawls. */
export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += PIECE)
    // `apply` takes the typed array as it is; spreading it (`...piece`) goes through its iterator, several times slower.
    pieces.push(String.fromCharCode.apply(null, bytes.subarray(start, start + PIECE) as unknown as number[]));
  return btoa(pieces.join(''));
}

/** Reads a file the person chose into what the import endpoints take. */
export async function readImportFile(file: Blob & { name: string }): Promise<OrgImportFile> {
  return { fileName: file.name, content: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}

/** What importing the file would do, row by row; writes nothing. A file that cannot be read answers 422. */
export function previewOrgImport(kind: OrgImportKind, body: OrgImportFile) {
  return api<OrgImportPreview>(`/imports/${kind}/preview`, { method: 'POST', body });
}

/**
 * Imports the file as previewed. Refused with 422 when rows have errors and with 409 when the
 * organisation changed since the preview (its fingerprint no longer matches); nothing is
 * written then.
 */
export function confirmOrgImport(kind: OrgImportKind, body: Body<typeof orgImportConfirm>) {
  return api<OrgImportResult>(`/imports/${kind}`, { method: 'POST', body });
}
