/**
 * A one-page PDF of plain text lines in Helvetica, for the demo's evidence files (a protocol
 * extract). Only what a reader needs: catalogue, page, font, content and cross-reference table.
 * Text is written in WinAnsiEncoding, which holds the Swedish letters and §.
 */
export function simplePdf(lines: string[]): Uint8Array {
  const encode = (text: string) => Buffer.from(text, 'latin1');
  const literal = (text: string) =>
    `(${text
      .replace(/[–—]/g, '-')
      .replace(/[^\u0020-\u00ff]/g, '?')
      .replace(/[\\()]/g, (char) => `\\${char}`)})`;
  const content = [
    'BT',
    '/F1 11 Tf',
    '15 TL',
    '56 780 Td',
    ...lines.map((line, index) => `${index === 0 ? '' : 'T* '}${literal(line)} Tj`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${encode(content).byteLength} >>\nstream\n${content}\nendstream`,
  ];
  const parts: Buffer[] = [encode('%PDF-1.4\n')];
  let offset = parts[0]!.byteLength;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const part = encode(`${index + 1} 0 obj\n${body}\nendobj\n`);
    parts.push(part);
    offset += part.byteLength;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(encode(xref));
  return new Uint8Array(Buffer.concat(parts));
}
