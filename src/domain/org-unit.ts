import { foldWords } from './table-headings.ts';
/**
 * Kinds of organisation unit, from the municipality at the root down to a school.
 * A nämnd and a styrelse are the same kind: a political committee that owns plans.
 */
export const ORG_UNIT_KINDS = [
  'kommun',
  'region',
  'namnd',
  'bolag',
  'kommunalforbund',
  'forvaltning',
  'avdelning',
  'enhet',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** Swedish and English names of each unit kind, as municipal staff say them. */
export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, { sv: string; en: string }> = {
  kommun: { sv: 'Kommun', en: 'Municipality' },
  region: { sv: 'Region', en: 'Region' },
  namnd: { sv: 'Nämnd/styrelse', en: 'Committee/board' },
  bolag: { sv: 'Bolag', en: 'Municipal company' },
  kommunalforbund: { sv: 'Kommunalförbund', en: 'Federation of municipalities' },
  forvaltning: { sv: 'Förvaltning', en: 'Administration' },
  avdelning: { sv: 'Avdelning', en: 'Department' },
  enhet: { sv: 'Enhet', en: 'Unit' },
};

/** The words people write for each kind, folded as headings are (lower case, å ä ö as a a o, no signs). */
const KIND_WORDS: Record<string, OrgUnitKind> = {
  kommun: 'kommun',
  municipality: 'kommun',
  region: 'region',
  namnd: 'namnd',
  styrelse: 'namnd',
  namndstyrelse: 'namnd',
  utskott: 'namnd',
  committee: 'namnd',
  board: 'namnd',
  committeeboard: 'namnd',
  bolag: 'bolag',
  aktiebolag: 'bolag',
  kommunaltbolag: 'bolag',
  company: 'bolag',
  municipalcompany: 'bolag',
  kommunalforbund: 'kommunalforbund',
  forbund: 'kommunalforbund',
  federation: 'kommunalforbund',
  federationofmunicipalities: 'kommunalforbund',
  forvaltning: 'forvaltning',
  kontor: 'forvaltning',
  administration: 'forvaltning',
  avdelning: 'avdelning',
  verksamhetsomrade: 'avdelning',
  department: 'avdelning',
  enhet: 'enhet',
  sektion: 'enhet',
  unit: 'enhet',
  section: 'enhet',
};

/**
 * Reads a unit kind as a person writes it in a list of units: "Nämnd", "styrelse",
 * "Förvaltning", "forvaltning", "Enhet", "Department" …; null when it is none of them.
 */
export function parseOrgUnitKind(text: string): OrgUnitKind | null {
  return KIND_WORDS[foldWords(text)] ?? null;
}

/**
 * How far down the tree each kind sits: kommun and region at the top; nämnd/styrelse, bolag and
 * kommunalförbund below them; then förvaltning, avdelning, enhet.
 */
const ORG_UNIT_LEVELS: Record<OrgUnitKind, number> = {
  kommun: 0,
  region: 0,
  namnd: 1,
  bolag: 1,
  kommunalforbund: 1,
  forvaltning: 2,
  avdelning: 3,
  enhet: 4,
};

/**
 * Whether a unit of kind `child` may sit directly below one of kind `parent`. A kommun or region
 * is only ever the top of a tree; any other unit sits below a unit of a higher level or of its
 * own (an avdelning with sub-avdelningar, a bolag in a koncern), never above its own level: no
 * förvaltning under an enhet, no kommun inside another kommun.
 */
export function mayNestUnder(child: OrgUnitKind, parent: OrgUnitKind): boolean {
  if (ORG_UNIT_LEVELS[child] === 0) return false;
  return ORG_UNIT_LEVELS[child] >= ORG_UNIT_LEVELS[parent];
}
