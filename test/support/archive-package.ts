import { createHash } from 'node:crypto';
import { parseDomFromString } from '@node-saml/node-saml/lib/xml.js';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';

// Reading an årsarkiv package as an archive would on receipt: unzip it, parse METS.xml strictly
// (a warning is a failure), and check it against the E-ARK CSIP 2.2 requirements that can be
// checked without the XML schemas (which are not at hand): the root's attributes, the header's
// software agent, the metadata references, every file in the fileSec with the right SHA-256 and
// size, no file of the package missing from it, and the structMap labelled CSIP.

export const METS = 'http://www.loc.gov/METS/';
export const CSIP = 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS';
export const XLINK = 'http://www.w3.org/1999/xlink';
export const PREMIS = 'http://www.loc.gov/premis/v3';

/** The little of a DOM node that the checks read (the parser's types leave them untyped). */
export interface XmlElement {
  nodeType: number;
  localName: string;
  namespaceURI: string | null;
  textContent: string | null;
  childNodes: ArrayLike<XmlElement>;
  documentElement?: XmlElement;
  getAttribute(name: string): string | null;
  getAttributeNS(namespace: string, name: string): string | null;
  getElementsByTagNameNS(namespace: string, name: string): ArrayLike<XmlElement>;
}

export interface ArchivePackage {
  /** The package folder (the OBJID). */
  root: string;
  /** Path inside the package folder → bytes. */
  files: Map<string, Uint8Array>;
  mets: XmlElement;
  text(path: string): string;
  /** The METS file element of a path. */
  metsFile(path: string): XmlElement;
}

/** Parses XML with the xmldom parser node-saml uses; a document that is not well-formed fails the test. */
export async function parseXml(text: string, name: string): Promise<XmlElement> {
  const document = await parseDomFromString(text).catch((error: unknown) => {
    throw new Error(`${name} is not well-formed: ${String(error)}`);
  });
  return document;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const children = (parent: XmlElement, namespace: string, name: string): XmlElement[] =>
  Array.from(parent.getElementsByTagNameNS(namespace, name));

export { children as elementsOf };

/** Unzips a package and checks its METS.xml; returns what the tests read further. */
export async function readArchivePackage(zip: Uint8Array): Promise<ArchivePackage> {
  const entries = unzipSync(zip);
  const names = Object.keys(entries);
  const roots = new Set(names.map((name) => name.slice(0, name.indexOf('/'))));
  expect([...roots], 'one package folder').toHaveLength(1);
  const root = [...roots][0]!;
  const files = new Map(names.map((name) => [name.slice(root.length + 1), entries[name]!]));
  const text = (path: string) => {
    const bytes = files.get(path);
    expect(bytes, `${path} is in the package`).toBeDefined();
    return strFromU8(bytes!);
  };
  const mets = await parseXml(text('METS.xml'), 'METS.xml');
  const top = mets.documentElement!;
  expect(top.namespaceURI).toBe(METS);
  expect(top.localName).toBe('mets');
  // CSIP1, 2, 4, 6: identifier (= the folder), content category, content information type, profile.
  expect(top.getAttribute('OBJID')).toBe(root);
  expect(top.getAttribute('TYPE')).toBe('Mixed');
  expect(top.getAttributeNS(CSIP, 'CONTENTINFORMATIONTYPE')).toBe('MIXED');
  expect(top.getAttribute('PROFILE')).toBe('https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml');
  expect(top.getAttribute('LABEL')).toBeTruthy();
  // CSIP117, 7, 9, 10–16: the header, its date, the package type and the software that made it.
  const [header] = children(mets, METS, 'metsHdr');
  expect(header).toBeDefined();
  expect(Number.isNaN(Date.parse(header!.getAttribute('CREATEDATE') ?? ''))).toBe(false);
  expect(header!.getAttributeNS(CSIP, 'OAISPACKAGETYPE')).toBe('SIP');
  const software = children(header!, METS, 'agent').filter(
    (agent) =>
      agent.getAttribute('ROLE') === 'CREATOR' &&
      agent.getAttribute('TYPE') === 'OTHER' &&
      agent.getAttribute('OTHERTYPE') === 'SOFTWARE',
  );
  expect(software).toHaveLength(1);
  expect(children(software[0]!, METS, 'name')[0]?.textContent).toBe('Uppsikt');
  const [note] = children(software[0]!, METS, 'note');
  expect(note?.getAttributeNS(CSIP, 'NOTETYPE')).toBe('SOFTWARE VERSION');
  expect(note?.textContent).toMatch(/^\d+\.\d+\.\d+/);

  const listed = new Set<string>(['METS.xml']);
  const ids = new Set<string>();
  const checkId = (element: XmlElement) => {
    const id = element.getAttribute('ID') ?? '';
    expect(id, `${element.localName} has an ID that is an XML name`).toMatch(/^[A-Za-z_][\w.-]*$/);
    expect(ids.has(id), `ID ${id} is unique`).toBe(false);
    ids.add(id);
  };
  const checkReference = (element: XmlElement) => {
    const href = element.getAttributeNS(XLINK, 'href') ?? '';
    expect(element.getAttribute('LOCTYPE')).toBe('URL');
    expect(element.getAttributeNS(XLINK, 'type')).toBe('simple');
    const bytes = files.get(href);
    expect(bytes, `${href} is in the ZIP`).toBeDefined();
    return { href, bytes: bytes! };
  };
  // CSIP17–30 and 31–44: the descriptive and provenance metadata, each by reference with its fixity.
  for (const section of [...children(mets, METS, 'dmdSec'), ...children(mets, METS, 'digiprovMD')]) {
    checkId(section);
    const [reference] = children(section, METS, 'mdRef');
    const { href, bytes } = checkReference(reference!);
    expect(href.startsWith('metadata/')).toBe(true);
    expect(reference!.getAttribute('MDTYPE')).toMatch(/^(DC|PREMIS)$/);
    expect(reference!.getAttribute('MIMETYPE')).toBe('application/xml');
    expect(Number(reference!.getAttribute('SIZE'))).toBe(bytes.length);
    expect(reference!.getAttribute('CHECKSUMTYPE')).toBe('SHA-256');
    expect(reference!.getAttribute('CHECKSUM')!.toLowerCase()).toBe(sha256(bytes));
    expect(Number.isNaN(Date.parse(reference!.getAttribute('CREATED') ?? ''))).toBe(false);
    await parseXml(strFromU8(bytes), href);
    listed.add(href);
  }
  expect(children(mets, METS, 'dmdSec').length).toBeGreaterThan(0);
  expect(children(mets, METS, 'digiprovMD').length).toBeGreaterThan(0);

  // CSIP58–79: every file with ID, MIME type, size, creation time, SHA-256 and its location.
  const [fileSec] = children(mets, METS, 'fileSec');
  checkId(fileSec!);
  const byPath = new Map<string, XmlElement>();
  const groupIds = new Set<string>();
  for (const group of children(fileSec!, METS, 'fileGrp')) {
    checkId(group);
    groupIds.add(group.getAttribute('ID')!);
    const use = group.getAttribute('USE') ?? '';
    expect(use).toMatch(/^(Documentation|Schemas|Representations\/[\w-]+\/data)$/);
    for (const file of children(group, METS, 'file')) {
      checkId(file);
      const [location] = children(file, METS, 'FLocat');
      const { href, bytes } = checkReference(location!);
      if (use.startsWith('Representations/')) expect(href.startsWith(`${use.toLowerCase()}/`)).toBe(true);
      if (use === 'Documentation') expect(href.startsWith('documentation/')).toBe(true);
      expect(file.getAttribute('MIMETYPE')).toMatch(/^[a-z]+\/[\w.+-]+$/);
      expect(Number(file.getAttribute('SIZE')), href).toBe(bytes.length);
      expect(file.getAttribute('CHECKSUMTYPE')).toBe('SHA-256');
      expect(file.getAttribute('CHECKSUM')!.toLowerCase(), href).toBe(sha256(bytes));
      expect(Number.isNaN(Date.parse(file.getAttribute('CREATED') ?? ''))).toBe(false);
      expect(byPath.has(href), `${href} is listed once`).toBe(false);
      byPath.set(href, file);
      listed.add(href);
    }
  }
  expect(
    [...files.keys()].filter((path) => !listed.has(path)),
    'files of the package missing from METS',
  ).toEqual([]);

  // CSIP80–119: one structMap labelled CSIP, one division, Metadata and the file groups by ID.
  const structMaps = children(mets, METS, 'structMap').filter((map) => map.getAttribute('LABEL') === 'CSIP');
  expect(structMaps).toHaveLength(1);
  expect(structMaps[0]!.getAttribute('TYPE')).toBe('PHYSICAL');
  checkId(structMaps[0]!);
  const topDivisions = Array.from(structMaps[0]!.childNodes).filter((node) => node.nodeType === 1);
  expect(topDivisions).toHaveLength(1);
  expect(topDivisions[0]!.getAttribute('LABEL')).toBe(root);
  const divisions = children(topDivisions[0]!, METS, 'div');
  for (const division of [topDivisions[0]!, ...divisions]) checkId(division);
  const labels = divisions.map((division) => division.getAttribute('LABEL'));
  expect(labels).toContain('Metadata');
  expect(labels).toContain('Representations');
  const metadataDivision = divisions.find((division) => division.getAttribute('LABEL') === 'Metadata')!;
  for (const reference of `${metadataDivision.getAttribute('DMDID')} ${metadataDivision.getAttribute('ADMID')}`.split(
    ' ',
  ))
    expect(ids.has(reference), `Metadata division references ${reference}`).toBe(true);
  const pointed = children(topDivisions[0]!, METS, 'fptr').map((pointer) => pointer.getAttribute('FILEID')!);
  expect(new Set(pointed)).toEqual(groupIds);

  return {
    root,
    files,
    mets,
    text,
    metsFile: (path: string) => {
      const file = byPath.get(path);
      expect(file, `${path} is in the fileSec`).toBeDefined();
      return file!;
    },
  };
}

/** The rows of an RFC 4180 CSV file as objects by header. */
export function csvRows(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else field += char;
  }
  expect(field, 'the CSV ends with CRLF').toBe('');
  const [header, ...body] = rows;
  return body.map((cells) => {
    expect(cells).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((name, index) => [name, cells[index]!]));
  });
}
