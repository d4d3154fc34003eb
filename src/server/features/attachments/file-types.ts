import type { AttachmentContentType } from '../../../domain/contracts/attachments.ts';
import { AppError, type LocalizedText } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

// What a file is, told by its content (its first bytes, or the parts listed in a zip), never by
// the name or the type the browser claims: those are only checked against it. A renamed program
// is refused however it is named.

type Kind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'odg' | 'text' | 'csv';

const CONTENT_TYPES: Record<Kind, AttachmentContentType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  odg: 'application/vnd.oasis.opendocument.graphics',
  text: 'text/plain',
  csv: 'text/csv',
};

/** The file name endings taken, and the kinds of content each may hold. */
const EXTENSIONS: Record<string, readonly Kind[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpg: ['jpeg'],
  jpeg: ['jpeg'],
  jpe: ['jpeg'],
  jfif: ['jpeg'],
  gif: ['gif'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  odt: ['odt'],
  ods: ['ods'],
  odp: ['odp'],
  odg: ['odg'],
  txt: ['text', 'csv'],
  csv: ['csv', 'text'],
};

/** Types a browser or an operating system may give a file of each kind, besides its own. */
const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/x-zip'];
const TEXT_TYPES = [
  'text/plain',
  'text/csv',
  'text/x-csv',
  'text/comma-separated-values',
  'application/csv',
  'application/x-csv',
  // Windows with Excel installed calls a .csv file this.
  'application/vnd.ms-excel',
];
const ALSO_DECLARED_AS: Record<Kind, readonly string[]> = {
  pdf: ['application/x-pdf'],
  png: [],
  jpeg: ['image/jpg', 'image/pjpeg'],
  gif: [],
  docx: ZIP_TYPES,
  xlsx: ZIP_TYPES,
  pptx: ZIP_TYPES,
  odt: ZIP_TYPES,
  ods: ZIP_TYPES,
  odp: ZIP_TYPES,
  odg: ZIP_TYPES,
  text: TEXT_TYPES,
  csv: TEXT_TYPES,
};

/** The declared type says nothing: any content may be sent so. */
const UNSPECIFIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

const CSV_DECLARED = new Set(TEXT_TYPES.filter((type) => type !== 'text/plain'));

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((byte, index) => bytes[at + index] === byte);
}

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

function readUint16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

/** The entries of a zip file's central directory, or null when it is not a zip this can read (ZIP64, damaged). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22 || readUint32(bytes, 0) !== ZIP_LOCAL) return null;
  // The end record is within the last 22 + 65 535 bytes (its comment is at most that long).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (readUint32(bytes, at) === ZIP_END) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = readUint16(bytes, end + 10);
  let at = readUint32(bytes, end + 16);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || readUint32(bytes, at) !== ZIP_CENTRAL) return null;
    const nameLength = readUint16(bytes, at + 28);
    const extraLength = readUint16(bytes, at + 30);
    const commentLength = readUint16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: readUint16(bytes, at + 10),
      compressedSize: readUint32(bytes, at + 20),
      localHeaderOffset: readUint32(bytes, at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The content of a stored (uncompressed) entry, e.g. an OpenDocument's "mimetype". */
function storedContent(bytes: Uint8Array, entry: ZipEntry): string | null {
  const at = entry.localHeaderOffset;
  if (entry.method !== 0 || at + 30 > bytes.length || readUint32(bytes, at) !== ZIP_LOCAL) return null;
  const start = at + 30 + readUint16(bytes, at + 26) + readUint16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length || entry.compressedSize > 200) return null;
  return new TextDecoder().decode(bytes.subarray(start, start + entry.compressedSize)).trim();
}

const OPEN_DOCUMENT: Record<string, Kind> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.graphics': 'odg',
};

/** An Office Open XML or OpenDocument file, by the parts its zip lists; 'macros' for a file with a VBA project. */
function officeKind(bytes: Uint8Array): Kind | 'macros' | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const names = new Set(entries.map((entry) => entry.name));
  if (entries.some((entry) => /(^|\/)vbaProject\.bin$/i.test(entry.name))) return 'macros';
  if (names.has('[Content_Types].xml')) {
    const parts = [...names];
    const under = (folder: string) => parts.some((name) => name.startsWith(folder));
    if (under('word/')) return 'docx';
    if (under('xl/')) return 'xlsx';
    if (under('ppt/')) return 'pptx';
    return null;
  }
  const mimetype = entries.find((entry) => entry.name === 'mimetype');
  const declared = mimetype ? storedContent(bytes, mimetype) : null;
  return declared !== null && Object.hasOwn(OPEN_DOCUMENT, declared) ? OPEN_DOCUMENT[declared]! : null;
}

/** Text: valid UTF-8 (a byte order mark allowed) without NUL. */
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What the content is, or null for anything not taken; 'macros' for an Office file with macros. */
export function kindOfContent(bytes: Uint8Array): Kind | 'macros' | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  return isText(bytes) ? 'text' : null;
}

/** A file name's ending, lower-case; none for a name without one or ending in digits only ("Beslut 2024.03.12"). */
export function extensionOf(fileName: string): string | null {
  const match = /\.([^.\s]{1,16})$/.exec(fileName);
  if (!match || /^\d+$/.test(match[1]!)) return null;
  return match[1]!.toLowerCase();
}

/** The media type without parameters, lower-case ("Text/CSV; charset=utf-8" → "text/csv"). */
function mediaType(declared: string): string {
  return declared.split(';')[0]!.trim().toLowerCase();
}

const kindLabel = (kind: Kind) => localize((m) => m.attachments.kinds[kind]);

function refused(message: LocalizedText): AppError {
  return new AppError('validation_failed', message, [{ path: 'file', message }]);
}

/**
 * The content type of an upload, from its content; 400 naming `file` when the content is not a
 * kind taken, or when its name's ending or the type it was sent as say it is something else.
 */
export function contentTypeOf(bytes: Uint8Array, fileName: string, declaredType: string): AttachmentContentType {
  let kind = kindOfContent(bytes);
  if (kind === 'macros') throw refused(localize((m) => m.attachments.macros));
  if (kind === null) throw refused(localize((m) => m.attachments.typeRefused));
  const declared = mediaType(declaredType);
  const extension = extensionOf(fileName);
  if (kind === 'text' && (extension === 'csv' || CSV_DECLARED.has(declared))) kind = 'csv';
  const found = kind;
  if (extension !== null) {
    const allowed = EXTENSIONS[extension];
    if (!allowed) throw refused(localize((m) => m.attachments.extensionRefused(extension)));
    if (!allowed.includes(found))
      throw refused(localize((m, locale) => m.attachments.nameDisagrees(extension, kindLabel(found)[locale])));
  }
  if (
    !UNSPECIFIC_TYPES.has(declared) &&
    declared !== CONTENT_TYPES[found] &&
    !ALSO_DECLARED_AS[found].includes(declared)
  )
    throw refused(localize((m, locale) => m.attachments.typeDisagrees(kindLabel(found)[locale], declared)));
  return CONTENT_TYPES[found];
}
