import { element, textElement } from './xml.ts';

// The package's manifests, written after E-ARK CSIP 2.2 (the common specification that
// Riksarkivet's FGS Paketstruktur follows): METS.xml at the package root with the CSIP profile's
// attributes, descriptive metadata as Dublin Core and preservation metadata as PREMIS 3 under
// metadata/, every other file in the fileSec with its SHA-256, size, MIME type and creation
// time, and the structMap labelled "CSIP".

export const METS_NAMESPACE = 'http://www.loc.gov/METS/';
export const CSIP_NAMESPACE = 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS';
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
export const PREMIS_NAMESPACE = 'http://www.loc.gov/premis/v3';
export const CSIP_PROFILE = 'https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml';

/** Where a file of the package belongs in the fileSec: a file group of its own per folder. */
export type FileGroup = 'documentation' | 'schemas' | 'documents' | 'datasets';

/** The representations: the documents as PDF (PDF/A where it could be), and the data as JSON and CSV. */
export const REPRESENTATIONS = { documents: 'documents', datasets: 'datasets' } as const;

export interface PackageFile {
  /** Relative to the package folder, with forward slashes. */
  path: string;
  group: FileGroup;
  mimeType: string;
  size: number;
  /** Lower-case hex. */
  sha256: string;
  /** ISO date-time the file was made (for an issued report: when it was sent to the nämnd). */
  created: string;
  /** PREMIS format name, e.g. "PDF/A-2A", "JSON", "CSV". */
  formatName: string;
  /** The file's USE in METS: what it is for an archivist ("PDF/A", "Original, not PDF/A" …). */
  use?: string;
  /** A sentence on the file that the archive must know (why it is not PDF/A). */
  note?: string;
}

/** A metadata file under metadata/, referenced from the dmdSec or the amdSec. */
export interface MetadataFile {
  path: string;
  kind: 'descriptive' | 'preservation';
  mdType: 'DC' | 'PREMIS';
  mimeType: string;
  size: number;
  sha256: string;
  created: string;
}

export interface PackageHeader {
  /** The package's id, also the name of its folder. */
  objid: string;
  label: string;
  createdAt: string;
  software: { name: string; version: string };
  /** The organisation whose records these are (arkivbildare): the tenant. */
  archivist: string;
}

const checksum = (sha256: string) => sha256.toUpperCase();

/** The package METS document. */
export function packageMets(header: PackageHeader, metadata: MetadataFile[], files: PackageFile[]): string {
  const descriptive = metadata.filter((file) => file.kind === 'descriptive');
  const preservation = metadata.filter((file) => file.kind === 'preservation');
  const mdRef = (file: MetadataFile) =>
    element('mets:mdRef', {
      LOCTYPE: 'URL',
      'xlink:type': 'simple',
      'xlink:href': file.path,
      MDTYPE: file.mdType,
      MIMETYPE: file.mimeType,
      SIZE: file.size,
      CREATED: file.created,
      CHECKSUM: checksum(file.sha256),
      CHECKSUMTYPE: 'SHA-256',
    });
  const dmdIds = descriptive.map((_, index) => `dmd-${index + 1}`);
  const digiprovIds = preservation.map((_, index) => `digiprov-${index + 1}`);
  const groups: { group: FileGroup; use: string; id: string }[] = [
    { group: 'documentation', use: 'Documentation', id: 'filegrp-documentation' },
    { group: 'schemas', use: 'Schemas', id: 'filegrp-schemas' },
    {
      group: 'documents',
      use: `Representations/${REPRESENTATIONS.documents}/data`,
      id: `filegrp-rep-${REPRESENTATIONS.documents}`,
    },
    {
      group: 'datasets',
      use: `Representations/${REPRESENTATIONS.datasets}/data`,
      id: `filegrp-rep-${REPRESENTATIONS.datasets}`,
    },
  ];
  let fileNumber = 0;
  const fileGroups = groups
    .map(({ group, use, id }) => {
      const members = files.filter((file) => file.group === group);
      if (members.length === 0) return '';
      return element(
        'mets:fileGrp',
        { ID: id, USE: use },
        ...members.map((file) =>
          element(
            'mets:file',
            {
              ID: `file-${++fileNumber}`,
              MIMETYPE: file.mimeType,
              SIZE: file.size,
              CREATED: file.created,
              CHECKSUM: checksum(file.sha256),
              CHECKSUMTYPE: 'SHA-256',
              USE: file.use,
              ADMID: digiprovIds.length > 0 ? digiprovIds.join(' ') : undefined,
            },
            element('mets:FLocat', { LOCTYPE: 'URL', 'xlink:type': 'simple', 'xlink:href': file.path }),
          ),
        ),
      );
    })
    .filter(Boolean);
  const present = new Set(files.map((file) => file.group));
  const division = (id: string, label: string, groupIds: string[]) =>
    element(
      'mets:div',
      { ID: id, LABEL: label },
      ...groupIds.map((fileId) => element('mets:fptr', { FILEID: fileId })),
    );
  const representationGroups = groups
    .filter(({ group }) => (group === 'documents' || group === 'datasets') && present.has(group))
    .map(({ id }) => id);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    element(
      'mets:mets',
      {
        'xmlns:mets': METS_NAMESPACE,
        'xmlns:csip': CSIP_NAMESPACE,
        'xmlns:xlink': XLINK_NAMESPACE,
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': `${METS_NAMESPACE} http://www.loc.gov/standards/mets/mets.xsd ${XLINK_NAMESPACE} http://www.loc.gov/standards/mets/xlink.xsd ${CSIP_NAMESPACE} https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd`,
        OBJID: header.objid,
        LABEL: header.label,
        TYPE: 'Mixed',
        'csip:CONTENTINFORMATIONTYPE': 'MIXED',
        PROFILE: CSIP_PROFILE,
      },
      '\n',
      element(
        'mets:metsHdr',
        { CREATEDATE: header.createdAt, RECORDSTATUS: 'NEW', 'csip:OAISPACKAGETYPE': 'SIP' },
        element(
          'mets:agent',
          { ROLE: 'CREATOR', TYPE: 'OTHER', OTHERTYPE: 'SOFTWARE' },
          textElement('mets:name', header.software.name),
          textElement('mets:note', header.software.version, { 'csip:NOTETYPE': 'SOFTWARE VERSION' }),
        ),
        element('mets:agent', { ROLE: 'ARCHIVIST', TYPE: 'ORGANIZATION' }, textElement('mets:name', header.archivist)),
      ),
      '\n',
      ...descriptive.map((file, index) =>
        element('mets:dmdSec', { ID: dmdIds[index], CREATED: file.created, STATUS: 'CURRENT' }, mdRef(file)),
      ),
      preservation.length > 0
        ? element(
            'mets:amdSec',
            { ID: 'amd-1' },
            ...preservation.map((file, index) =>
              element('mets:digiprovMD', { ID: digiprovIds[index], STATUS: 'CURRENT' }, mdRef(file)),
            ),
          )
        : undefined,
      '\n',
      element('mets:fileSec', { ID: 'filesec-1' }, ...fileGroups),
      '\n',
      element(
        'mets:structMap',
        { ID: 'structmap-csip', TYPE: 'PHYSICAL', LABEL: 'CSIP' },
        element(
          'mets:div',
          { ID: 'div-package', LABEL: header.objid },
          element('mets:div', {
            ID: 'div-metadata',
            LABEL: 'Metadata',
            DMDID: dmdIds.length > 0 ? dmdIds.join(' ') : undefined,
            ADMID: digiprovIds.length > 0 ? digiprovIds.join(' ') : undefined,
          }),
          present.has('documentation') ? division('div-documentation', 'Documentation', ['filegrp-documentation']) : '',
          present.has('schemas') ? division('div-schemas', 'Schemas', ['filegrp-schemas']) : '',
          representationGroups.length > 0
            ? division('div-representations', 'Representations', representationGroups)
            : '',
        ),
      ),
      '\n',
    ),
    '\n',
  ].join('');
}

/** Descriptive metadata as simple Dublin Core. */
export function dublinCore(fields: {
  identifier: string;
  title: string;
  creator: string;
  subjects: string[];
  description: string;
  date: string;
  language: string;
  coverage: string;
}): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    element(
      'oai_dc:dc',
      {
        'xmlns:oai_dc': 'http://www.openarchives.org/OAI/2.0/oai_dc/',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      },
      textElement('dc:identifier', fields.identifier),
      textElement('dc:title', fields.title),
      textElement('dc:creator', fields.creator),
      ...fields.subjects.map((subject) => textElement('dc:subject', subject)),
      textElement('dc:description', fields.description),
      textElement('dc:date', fields.date),
      textElement('dc:coverage', fields.coverage),
      textElement('dc:language', fields.language),
      textElement('dc:type', 'Collection'),
    ),
    '\n',
  ].join('');
}

export interface PremisEvent {
  id: string;
  type: 'creation';
  dateTime: string;
  /** Made by this software (the package's files), or by a person before (an issued report). */
  bySoftware: boolean;
  detail: string;
  /** Paths of the files the event made. */
  objects: string[];
}

/** Preservation metadata as PREMIS 3: each file's fixity and format, the events that made them, and the software. */
export function premis(header: PackageHeader, files: PackageFile[], events: PremisEvent[]): string {
  const identifier = (prefix: string, type: string, value: string) =>
    element(
      `premis:${prefix}Identifier`,
      {},
      textElement(`premis:${prefix}IdentifierType`, type),
      textElement(`premis:${prefix}IdentifierValue`, value),
    );
  const agentId = `${header.software.name} ${header.software.version}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    element(
      'premis:premis',
      {
        'xmlns:premis': PREMIS_NAMESPACE,
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': `${PREMIS_NAMESPACE} http://www.loc.gov/standards/premis/v3/premis.xsd`,
        version: '3.0',
      },
      ...files.map((file) =>
        element(
          'premis:object',
          { 'xsi:type': 'premis:file' },
          identifier('object', 'local', file.path),
          file.note
            ? element(
                'premis:significantProperties',
                {},
                textElement('premis:significantPropertiesType', 'archival format'),
                textElement('premis:significantPropertiesValue', file.note),
              )
            : undefined,
          element(
            'premis:objectCharacteristics',
            {},
            textElement('premis:compositionLevel', '0'),
            element(
              'premis:fixity',
              {},
              textElement('premis:messageDigestAlgorithm', 'SHA-256'),
              textElement('premis:messageDigest', file.sha256),
            ),
            textElement('premis:size', String(file.size)),
            element(
              'premis:format',
              {},
              element('premis:formatDesignation', {}, textElement('premis:formatName', file.formatName)),
            ),
          ),
          textElement('premis:originalName', file.path.slice(file.path.lastIndexOf('/') + 1)),
        ),
      ),
      ...events.map((event) =>
        element(
          'premis:event',
          {},
          identifier('event', 'local', event.id),
          textElement('premis:eventType', event.type),
          textElement('premis:eventDateTime', event.dateTime),
          element('premis:eventDetailInformation', {}, textElement('premis:eventDetail', event.detail)),
          event.bySoftware
            ? element('premis:linkingAgentIdentifier', {}, ...identifierParts('linkingAgent', 'local', agentId))
            : undefined,
          ...event.objects.map((path) =>
            element('premis:linkingObjectIdentifier', {}, ...identifierParts('linkingObject', 'local', path)),
          ),
        ),
      ),
      element(
        'premis:agent',
        {},
        identifier('agent', 'local', agentId),
        textElement('premis:agentName', header.software.name),
        textElement('premis:agentType', 'software'),
        textElement('premis:agentVersion', header.software.version),
      ),
    ),
    '\n',
  ].join('');
}

function identifierParts(prefix: string, type: string, value: string): string[] {
  return [textElement(`premis:${prefix}IdentifierType`, type), textElement(`premis:${prefix}IdentifierValue`, value)];
}
