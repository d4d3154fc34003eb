import { foldWords } from '../../../../domain/table-headings.ts';
import { DEFAULT_STATUSES } from '../../../../domain/status.ts';

/**
 * The words Word documents use for the parts of a plan, in Swedish and English, folded as
 * `foldWords` folds them (any case, spacing, punctuation or å/ä/ö). Both Uppsikt's own reports
 * and the municipalities' documents use them.
 */

/** Labels that open a text or give a value of an item, by what they fill. */
export const LABELS = {
  riskDescription: ['Beskrivning av risk', 'Riskbeskrivning', 'Description of the risk', 'Risk description'],
  description: ['Beskrivning', 'Description', 'Kontrollbeskrivning', 'Beskrivning av kontroll', 'Control description'],
  activityDescription: [
    'Aktivitetsbeskrivning',
    'Beskrivning av aktivitet',
    'Description of the activity',
    'Activity description',
  ],
  whatToDo: ['Vad ska göras', 'Planerad åtgärd', 'What is to be done', 'What to do', 'To be done'],
  measuresTaken: ['Genomförda åtgärder', 'Vidtagna åtgärder', 'Measures taken', 'Actions taken'],
  costAndResources: [
    'Kostnader för aktivitet och resurs',
    'Kostnader för aktivitet och resurser',
    'Kostnad och resurser',
    'Kostnader och resurser',
    'Kostnader',
    'Resurser',
    'Cost and resources',
    'Costs and resources',
    'Costs',
  ],
  performers: ['Utförare', 'Utförs av', 'Performed by', 'Performers'],
  followUp: [
    'Uppföljning & utvärdering',
    'Uppföljning och utvärdering',
    'Uppföljning',
    'Follow-up & evaluation',
    'Follow-up and evaluation',
    'Follow-up',
    'Follow up',
  ],
  analysis: ['Analys', 'Analysis'],
  method: ['Metod', 'Kontrollmetod', 'Method'],
  frequency: ['Frekvens', 'Frequency', 'Hur ofta'],
  controlsList: ['Kontrollmoment', 'Kontroller', 'Controls'],
  actionsList: ['Åtgärder', 'Förbättringsåtgärder', 'Actions', 'Improvement actions'],
  status: ['Status'],
  startDate: ['Startdatum', 'Start', 'Start date'],
  endDate: ['Slutdatum', 'Klart senast', 'End date', 'Due date'],
  checkpoints: ['Avstämningsdatum', 'Avstämning', 'Checkpoints', 'Checkpoint'],
  responsible: ['Ansvarig', 'Ansvariga', 'Responsible', 'Ansvarig person'],
  reporting: [
    'Rapporteringsansvarig',
    'Rapporteringsansvariga',
    'Rapporterar till',
    'Reporting',
    'Reporting responsible',
  ],
  riskValue: ['Riskvärde', 'Risk value', 'Riskvärdering'],
  likelihood: ['Sannolikhet', 'Likelihood', 'Probability'],
  consequence: ['Konsekvens', 'Consequence', 'Impact'],
  process: ['Process', 'Processområde'],
} as const;
export type LabelField = keyof typeof LABELS;

const LABEL_BY_WORDS = new Map<string, LabelField>();
for (const [field, words] of Object.entries(LABELS) as [LabelField, readonly string[]][])
  for (const word of words) if (!LABEL_BY_WORDS.has(foldWords(word))) LABEL_BY_WORDS.set(foldWords(word), field);

/** The field a label names ("Vad ska göras:", "STATUS"), or null. */
export function labelField(text: string): LabelField | null {
  return LABEL_BY_WORDS.get(foldWords(text.replace(/[:：]\s*$/, ''))) ?? null;
}

/** Table columns, by the field they hold. A heading joined by "+" holds several, line by line. */
export const COLUMNS = {
  riskTitle: ['Risk', 'Riskanalys', 'Risk analysis', 'Identifierad risk', 'Risker', 'Risks', 'Riskområde'],
  riskValue: ['Riskvärde', 'Risk value', 'Riskvärdering', 'Värde'],
  likelihood: ['Sannolikhet', 'Likelihood', 'Probability'],
  consequence: ['Konsekvens', 'Consequence', 'Impact'],
  action: ['Åtgärd', 'Beslut om åtgärd', 'Åtgärder', 'Förbättringsåtgärd', 'Action', 'Actions', 'Decided action'],
  control: ['Kontrollmoment', 'Kontroll', 'Kontroller', 'Control', 'Controls', 'Decided control'],
  activity: ['Aktivitet', 'Aktiviteter', 'Uppdrag/Aktivitet', 'Uppdrag', 'Activity', 'Activities', 'Assignment'],
  number: ['Nr', 'Nummer', 'Number', 'No', '#'],
  status: ['Status'],
  responsible: ['Ansvarig', 'Ansvariga', 'Responsible'],
  reporting: ['Rapporteringsansvarig', 'Rapporteringsansvariga', 'Reporting', 'Rapporterar till'],
  startDate: ['Startdatum', 'Start', 'Start date'],
  checkpoints: ['Avstämningsdatum', 'Avstämning', 'Checkpoints'],
  endDate: ['Slutdatum', 'End date', 'Klart senast', 'Due date'],
  process: ['Process', 'Processområde'],
} as const;
export type ColumnField = keyof typeof COLUMNS | 'comment';

const COLUMN_BY_WORDS = new Map<string, ColumnField>();
for (const [field, words] of Object.entries(COLUMNS) as [ColumnField, readonly string[]][])
  for (const word of words) if (!COLUMN_BY_WORDS.has(foldWords(word))) COLUMN_BY_WORDS.set(foldWords(word), field);

/** The fields of a column heading: one, several ("Ansvarig + Rapporteringsansvarig"), or none. */
export function columnFields(heading: string): ColumnField[] {
  const parts = heading.split(/\s*\+\s*|\n/).filter((part) => part.trim() !== '');
  const fields = parts.map((part) => {
    const folded = foldWords(part);
    // "Kommentar 2020", "Comment", "Uppföljning T2": the period comments.
    if (/^(kommentar|kommentarer|comment|comments|uppfoljning|followup)(\d{4}|[a-z]?\d)*$/.test(folded))
      return 'comment' as const;
    return COLUMN_BY_WORDS.get(folded) ?? null;
  });
  return fields.every((field) => field !== null) ? fields : [];
}

/** The numbered labels of an activity heading: "3. Uppdrag/Aktivitet", "Aktivitet 3". */
export const ACTIVITY_WORDS = [
  'Uppdrag/Aktivitet',
  'Aktivitet',
  'Uppdrag',
  'Assignment/Activity',
  'Activity',
  'Assignment',
];

/** The words "not assessed" is written with, where a number belongs. */
export const NOT_ASSESSED = ['Ej bedömd', 'Ej bedömt', 'Not assessed', '–', '-'].map(foldWords);

/** Status labels every tenant starts with; the document's own status cells add to these. */
export const KNOWN_STATUSES = DEFAULT_STATUSES.flatMap((status) => [status.labelSv, status.labelEn]).concat([
  'Avslutad',
  'Försenad',
  'Påbörjad',
  'Ej genomförd',
  'Completed',
  'Delayed',
]);

/** "Förs över" / "Förs inte över" (to the next plan), and the English. */
export function carryOverOf(text: string): 'carry_over' | 'do_not_carry_over' | null {
  const folded = foldWords(text);
  if (folded.length > 60) return null;
  if (/^(forsinteover|flyttasinteover|notcarriedover|notcarryover|donotcarryover)/.test(folded))
    return 'do_not_carry_over';
  if (/^(forsover|flyttasover|carriedover|carryover)/.test(folded)) return 'carry_over';
  return null;
}

const PERIOD_WORDS =
  '(?:kvartal|kv|q|tertial|t|prognos|delår|delårsbokslut|helår|halvår|årsbokslut|bokslut|år|quarter|forecast|interim|full year|half[- ]year|year|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|january|february|march|may|june|july|august|october)';

/**
 * A reporting period as printed, with an optional report date, author and text after it:
 * "Kvartal 3 2020 2020-08-26", "Helår 2021", "T2 2020 (Anna Andersson): text", "2020-Q3".
 */
export function periodLine(
  text: string,
): { period: string; reportedOn?: string; author?: string; body?: string } | null {
  const match = new RegExp(
    `^(${PERIOD_WORDS}\\.?\\s*\\d{0,2}\\s*\\d{4}|\\d{4}\\s*-\\s*[QTH]\\d)` +
      `(?:\\s+(\\d{4}-\\d{2}-\\d{2}))?\\s*(?:\\(([^()]+)\\))?\\s*(?::\\s*([\\s\\S]*))?$`,
    'iu',
  ).exec(text.trim());
  if (!match) return null;
  const [, period, reportedOn, author, body] = match;
  return {
    period: period!.replace(/\s+/g, ' ').trim(),
    ...(reportedOn ? { reportedOn } : {}),
    ...(author ? { author: author.trim() } : {}),
    ...(body !== undefined ? { body: body.trim() } : {}),
  };
}

/** Words that say a plan was adopted or is a draft, in the line under a report's title. */
export const PLAN_STATE_WORDS = [
  'antagen',
  'beslutad',
  'utkast',
  'adopted',
  'draft',
  'revision',
  'som planen ser ut i dag',
  'as the plan is today',
].map(foldWords);

/** "Innehållsförteckning", "Contents": a table of contents' heading. */
export const CONTENTS_WORDS = ['Innehållsförteckning', 'Innehåll', 'Contents', 'Table of contents'].map(foldWords);
