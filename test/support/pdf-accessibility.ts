import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

// Reading a PDF's accessibility as a checker would: the XMP identification, the catalog's
// language, MarkInfo and viewer preferences, the structure tree (poppler's pdfinfo -struct-text)
// and the alternative texts of figures (from the structure elements themselves, which pdfinfo
// does not print).

/** One node of the structure tree: its role ("H1", "Table", "TH" …), its text and children. */
export interface StructNode {
  role: string;
  text: string;
  children: StructNode[];
}

function withFile<T>(bytes: Uint8Array, run: (file: string) => T): T {
  const folder = mkdtempSync(join(tmpdir(), 'uppsikt-a11y-'));
  try {
    const file = join(folder, 'r.pdf');
    writeFileSync(file, bytes);
    return run(file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** pdfinfo's key: value lines (Title, Pages, Tagged, PDF version …). */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = withFile(bytes, (file) =>
    execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!.trim(), match[2]!.trim()]),
  );
}

/** The structure tree as poppler reads it, with each element's text gathered below it. */
export function structureTree(bytes: Uint8Array): StructNode {
  const out = withFile(bytes, (file) =>
    execFileSync('pdfinfo', ['-struct-text', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  const root: StructNode = { role: 'root', text: '', children: [] };
  const stack: { node: StructNode; depth: number }[] = [{ node: root, depth: -1 }];
  for (const line of out.split('\n')) {
    if (line.trim() === '') continue;
    const depth = line.length - line.trimStart().length;
    const content = line.trim();
    // An element: "H1 "Title" (block)", "TH <id>:", "Table (block):", "Document".
    const element = /^([A-Za-z][A-Za-z0-9]*)(?:\s+<[^>]*>)?(?:\s+"(.*)")?(?:\s+\((?:block|inline)\))?:?$/.exec(content);
    // Attributes ("/Scope /Column") are not nodes; a quoted line is the text of its parent.
    if (content.startsWith('/')) continue;
    while (stack.length > 1 && stack.at(-1)!.depth >= depth) stack.pop();
    const parent = stack.at(-1)!.node;
    if (content.startsWith('"')) {
      parent.text += (parent.text ? ' ' : '') + content.replace(/^"|"$/g, '');
      continue;
    }
    if (!element) continue;
    const node: StructNode = { role: element[1]!, text: '', children: [] };
    parent.children.push(node);
    stack.push({ node, depth });
  }
  return root;
}

/** Every node of a tree, in document order. */
export function walk(node: StructNode): StructNode[] {
  return [node, ...node.children.flatMap(walk)];
}

/** A node's text with all its descendants', in order. */
export function fullText(node: StructNode): string {
  return [node.text, ...node.children.map(fullText)].filter((part) => part !== '').join(' ');
}

/** The file's text with the content of its compressed streams (object streams) inflated. */
function objectText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const inflated: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    try {
      inflated.push(inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1'));
    } catch {
      // Not a Flate stream (the XMP, an image): its text is in the raw file already.
    }
  }
  return [raw, ...inflated].join('\n');
}

/** The XMP metadata packet in force (the last one written, after an incremental update). */
export function xmpMetadata(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8');
  const packets = [...text.matchAll(/<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/g)];
  return packets.at(-1)?.[0] ?? '';
}

/** The document catalog in force (the last version written). */
export function catalog(bytes: Uint8Array): string {
  const text = objectText(bytes);
  const raw = Buffer.from(bytes).toString('latin1');
  const root = [...raw.matchAll(/\/Root\s+(\d+)\s+0\s+R/g)].at(-1)?.[1];
  const definitions = [...text.matchAll(new RegExp(`(?:^|\\n)${root} 0 obj([\\s\\S]*?)endobj`, 'g'))];
  return definitions.at(-1)?.[1] ?? '';
}

/** The /Alt of every Figure structure element, decoded. */
export function figureAltTexts(bytes: Uint8Array): (string | null)[] {
  const text = objectText(bytes);
  return [...text.matchAll(/<<((?:(?!<<|>>)[\s\S])*?\/S \/Figure[\s\S]*?)>>/g)].map((match) => {
    const alt = /\/Alt\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(match[1]!)?.[1];
    return alt === undefined ? null : pdfString(alt);
  });
}

/** A PDF string object (hex or literal, PDFDocEncoding's ASCII part or UTF-16BE) as text. */
export function pdfString(token: string): string {
  let bytes: Buffer;
  if (token.startsWith('<')) {
    bytes = Buffer.from(token.slice(1, -1).replace(/\s/g, ''), 'hex');
  } else {
    const body = token
      .slice(1, -1)
      .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, escape: string) =>
        /^[0-7]/.test(escape)
          ? String.fromCharCode(parseInt(escape, 8))
          : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[escape] ?? escape),
      );
    bytes = Buffer.from(body, 'latin1');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

/**
 * Problems of the cross-reference sections: every in-use entry of every section (the original
 * and the appended updates) must point at its object's "N G obj". A file whose offsets are wrong
 * is repaired silently by most readers, so this is checked on its own.
 */
export function crossReferenceProblems(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes).toString('latin1');
  const problems: string[] = [];
  const startxrefs = [...raw.matchAll(/startxref\s+(\d+)\s+%%EOF/g)].map((match) => Number(match[1]));
  if (startxrefs.length === 0) return ['no startxref'];
  let at: number | undefined = startxrefs.at(-1);
  const seen = new Set<number>();
  while (at !== undefined && !seen.has(at)) {
    seen.add(at);
    if (!raw.startsWith('xref', at)) {
      problems.push(`startxref ${at} does not point at an xref table`);
      break;
    }
    const end = raw.indexOf('trailer', at);
    const lines = raw
      .slice(at + 4, end)
      .trim()
      .split(/\r?\n/);
    let object = 0;
    for (const line of lines) {
      const header = /^(\d+) (\d+)$/.exec(line.trim());
      if (header) {
        object = Number(header[1]);
        continue;
      }
      const entry = /^(\d{10}) (\d{5}) ([nf])\s*$/.exec(line);
      if (!entry) {
        problems.push(`malformed xref line ${JSON.stringify(line)}`);
        continue;
      }
      if (entry[3] === 'n' && !raw.startsWith(`${object} ${Number(entry[2])} obj`, Number(entry[1])))
        problems.push(`object ${object} is not at ${Number(entry[1])}`);
      object += 1;
    }
    const previous = /\/Prev\s+(\d+)/.exec(raw.slice(end, raw.indexOf('startxref', end)))?.[1];
    at = previous === undefined ? undefined : Number(previous);
  }
  return problems;
}
