// The archive copy of a report is PDF/A-2a and PDF/UA-1 at once. Typst 0.14 can write both
// standards into one file, but the Node binding installed (@myriaddreamin/typst-ts-node-compiler
// 0.7.0, the newest on the registry) takes a single standard per export. So render-pdf.ts
// exports the same typeset document twice: as PDF/UA-1 (Typst checks the standard's rules and
// refuses a document that breaks them) and as PDF/A-2a (the copy kept). Both exports share one
// structure tree, language and title; what the PDF/A-2a export lacks is the PDF/UA
// identification in its XMP metadata and the viewer preference to show the title. This module
// adds them by an incremental update (ISO 32000-1 7.5.6, which PDF/A-2 allows): new versions
// of the metadata stream and of the catalog are appended, the original bytes stay as they are.

const PDFUA_NAMESPACE = 'http://www.aiim.org/pdfua/ns/id/';

/**
 * The PDF/UA identification schema described for PDF/A (ISO 19005-2 6.6.2.3.3 requires every
 * property outside the predefined schemas to be declared in the metadata itself).
 */
const PDFUA_EXTENSION_SCHEMA =
  '<rdf:li rdf:parseType="Resource">' +
  '<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>' +
  `<pdfaSchema:namespaceURI>${PDFUA_NAMESPACE}</pdfaSchema:namespaceURI>` +
  '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>' +
  '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">' +
  '<pdfaProperty:name>part</pdfaProperty:name>' +
  '<pdfaProperty:valueType>Integer</pdfaProperty:valueType>' +
  '<pdfaProperty:category>internal</pdfaProperty:category>' +
  '<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>' +
  '</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li>';

/**
 * A PDF/A-2a file as Typst writes it, with the PDF/UA-1 identification and DisplayDocTitle
 * added. Throws when the file is not laid out as expected (a Typst upgrade that changed it),
 * rather than returning a file that claims less or more than it is.
 */
export function withPdfUaIdentification(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  // Typst writes one classic cross-reference table and trailer at the end of the file.
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!trailer) throw new Error('The PDF/A file has no classic trailer to update');
  const [, trailerBody, previousXref] = trailer;
  const root = reference(trailerBody!, 'Root');
  const size = /\/Size\s+(\d+)/.exec(trailerBody!)?.[1];
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailerBody!)?.[1];
  if (root === null || !size || !id) throw new Error('The PDF/A trailer lacks /Root, /Size or /ID');
  const catalog = objectBody(text, root);
  const metadataObject = catalog === null ? null : reference(catalog, 'Metadata');
  if (catalog === null || metadataObject === null) throw new Error('The PDF/A catalog has no /Metadata');
  const metadata = objectBody(text, metadataObject);
  const xmp = metadata === null ? null : /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(metadata)?.[1];
  if (!xmp) throw new Error('The PDF/A metadata stream is missing');

  const xmpText = Buffer.from(xmp, 'latin1').toString('utf8');
  if (!xmpText.includes('<pdfaid:part>2</pdfaid:part>') || !xmpText.includes('</pdfaExtension:schemas>'))
    throw new Error('The metadata is not PDF/A-2 metadata with extension schemas');
  const updatedXmp = xmpText
    .replace(/<rdf:Description rdf:about=""/, `$& xmlns:pdfuaid="${PDFUA_NAMESPACE}"`)
    .replace('</rdf:Bag></pdfaExtension:schemas>', `${PDFUA_EXTENSION_SCHEMA}</rdf:Bag></pdfaExtension:schemas>`)
    .replace('<pdfaid:part>', '<pdfuaid:part>1</pdfuaid:part><pdfaid:part>');
  const updatedCatalog = catalog.includes('/DisplayDocTitle')
    ? catalog
    : catalog.replace(/\/ViewerPreferences\s*<</, '$&\n    /DisplayDocTitle true');
  if (!updatedCatalog.includes('/DisplayDocTitle true')) throw new Error('The PDF/A catalog has no /ViewerPreferences');

  const xmpBytes = Buffer.from(updatedXmp, 'utf8');
  const parts: Buffer[] = [pdf, Buffer.from('\n', 'latin1')];
  let offset = pdf.length + 1;
  const offsets = new Map<number, number>();
  const append = (part: Buffer) => {
    parts.push(part);
    offset += part.length;
  };
  offsets.set(metadataObject, offset);
  append(
    Buffer.concat([
      Buffer.from(
        `${metadataObject} 0 obj\n<<\n  /Length ${xmpBytes.length}\n  /Type /Metadata\n  /Subtype /XML\n>>\nstream\n`,
        'latin1',
      ),
      xmpBytes,
      Buffer.from('\nendstream\nendobj\n\n', 'latin1'),
    ]),
  );
  offsets.set(root, offset);
  append(Buffer.from(`${root} 0 obj${updatedCatalog}endobj\n\n`, 'latin1'));
  const xrefOffset = offset;
  const entries = [...offsets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([object, at]) => `${object} 1\n${String(at).padStart(10, '0')} 00000 n\r\n`)
    .join('');
  append(
    Buffer.from(
      `xref\n0 1\n0000000000 65535 f\r\n${entries}trailer\n<<\n  /Size ${size}\n  /Root ${root} 0 R\n${infoLine(trailerBody!)}  /ID ${id}\n  /Prev ${previousXref}\n>>\nstartxref\n${xrefOffset}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

/** The object number a dictionary entry refers to ("/Root 48 0 R" → 48). */
function reference(dictionary: string, key: string): number | null {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dictionary);
  return match ? Number(match[1]) : null;
}

/** The text between "N 0 obj" and "endobj" of the last definition of an object. */
function objectBody(text: string, object: number): string | null {
  const start = text.lastIndexOf(`\n${object} 0 obj`);
  if (start < 0) return null;
  const bodyStart = start + `\n${object} 0 obj`.length;
  const end = text.indexOf('endobj', bodyStart);
  return end < 0 ? null : text.slice(bodyStart, end);
}

function infoLine(trailerBody: string): string {
  const info = reference(trailerBody, 'Info');
  return info === null ? '' : `  /Info ${info} 0 R\n`;
}
