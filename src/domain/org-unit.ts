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
