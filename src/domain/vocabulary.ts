/**
 * The lists a tenant words its plans with: processes (kontrollområden), risk categories,
 * control methods and deviation severities. Each tenant keeps its own entries, starting from
 * these defaults; an entry in use is archived, never deleted, and old plans keep showing it.
 */
export const VOCABULARY_KINDS = ['process', 'risk_category', 'control_method', 'deviation_severity'] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

/** One entry as offered to a new tenant; `key` is stable, labels may change. */
export interface VocabularyDefinition {
  kind: VocabularyKind;
  key: string;
  labelSv: string;
  labelEn: string;
  description?: string;
  /** Deviation severities only: a deviation of this severity is reported at once. */
  reportImmediately?: boolean;
}

/** Common Swedish municipal wording; a tenant renames, adds or archives as it likes. */
export const DEFAULT_VOCABULARY: readonly VocabularyDefinition[] = [
  { kind: 'process', key: 'styra-och-leda', labelSv: 'Styra och leda', labelEn: 'Governance and management' },
  { kind: 'process', key: 'ekonomi', labelSv: 'Ekonomi', labelEn: 'Finance' },
  { kind: 'process', key: 'personal', labelSv: 'Personal', labelEn: 'Human resources' },
  { kind: 'process', key: 'upphandling', labelSv: 'Upphandling', labelEn: 'Procurement' },
  {
    kind: 'process',
    key: 'it-och-informationssakerhet',
    labelSv: 'IT och informationssäkerhet',
    labelEn: 'IT and information security',
  },
  {
    kind: 'process',
    key: 'myndighetsutovning',
    labelSv: 'Myndighetsutövning',
    labelEn: 'Exercise of public authority',
  },
  {
    kind: 'process',
    key: 'dokument-och-arendehantering',
    labelSv: 'Dokument- och ärendehantering',
    labelEn: 'Records and case management',
  },
  {
    kind: 'risk_category',
    key: 'oegentligheter-och-korruption',
    labelSv: 'Oegentligheter och korruption',
    labelEn: 'Irregularities and corruption',
  },
  { kind: 'risk_category', key: 'verksamhetsrisk', labelSv: 'Verksamhetsrisk', labelEn: 'Operational risk' },
  { kind: 'risk_category', key: 'finansiell-risk', labelSv: 'Finansiell risk', labelEn: 'Financial risk' },
  { kind: 'risk_category', key: 'legal-risk', labelSv: 'Legal risk', labelEn: 'Legal risk' },
  { kind: 'risk_category', key: 'omvarldsrisk', labelSv: 'Omvärldsrisk', labelEn: 'External risk' },
  { kind: 'control_method', key: 'stickprov', labelSv: 'Stickprov', labelEn: 'Sample check' },
  { kind: 'control_method', key: 'fullstandig-granskning', labelSv: 'Fullständig granskning', labelEn: 'Full review' },
  { kind: 'control_method', key: 'avstamning', labelSv: 'Avstämning', labelEn: 'Reconciliation' },
  { kind: 'control_method', key: 'genomgang', labelSv: 'Genomgång', labelEn: 'Walk-through' },
  { kind: 'control_method', key: 'analys', labelSv: 'Analys', labelEn: 'Analysis' },
  { kind: 'control_method', key: 'intervju', labelSv: 'Intervju', labelEn: 'Interview' },
  { kind: 'control_method', key: 'annan', labelSv: 'Annan', labelEn: 'Other' },
  {
    kind: 'deviation_severity',
    key: 'minor',
    labelSv: 'Mindre väsentlig',
    labelEn: 'Minor',
    description: 'Brist av liten betydelse som rättas inom verksamheten.',
    reportImmediately: false,
  },
  {
    kind: 'deviation_severity',
    key: 'significant',
    labelSv: 'Väsentlig',
    labelEn: 'Significant',
    description: 'Brist som påverkar verksamhetens mål, ekonomi eller förtroende och som ska åtgärdas.',
    reportImmediately: false,
  },
  {
    kind: 'deviation_severity',
    key: 'very_significant',
    labelSv: 'Mycket väsentlig',
    labelEn: 'Very significant',
    description: 'Allvarlig brist, till exempel misstänkt oegentlighet, som genast rapporteras till nämnden.',
    reportImmediately: true,
  },
];

/** Whether an entry is offered for a plan of `year`: within its years and not archived. */
export function vocabularyEntryValidIn(
  entry: { validFromYear: number | null; validToYear: number | null; archivedAt: unknown },
  year: number,
): boolean {
  if (entry.archivedAt) return false;
  if (entry.validFromYear !== null && year < entry.validFromYear) return false;
  return entry.validToYear === null || year <= entry.validToYear;
}

/** A stable key made from a label: lower case ASCII words joined by hyphens. */
export function vocabularyKeyOf(label: string): string {
  const key = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return key || 'entry';
}
