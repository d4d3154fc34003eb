import { CARRY_OVER_DECISIONS, type CarryOverDecision } from '../../../domain/activity.ts';
import { parseTypedDate, parseTypedNumber } from '../../../domain/import-values.ts';
import {
  defaultReportingPeriodDates,
  parseReportingPeriodLabel,
  reportingPeriodLabel,
} from '../../../domain/reporting-period.ts';
import { frequencyFromText, type ControlFrequency } from '../../../domain/control-frequency.ts';
import { REPORT_RECIPIENT_LABELS, REPORT_RECIPIENTS, type ReportRecipient } from '../../../domain/risk-response.ts';
import { foldWords } from '../../../domain/table-headings.ts';
import type { VocabularyKind } from '../../../domain/vocabulary.ts';
import type { LocalizedText } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import type { TargetState } from './load-target.ts';
import type { ImportIssue, Origin } from './model.ts';

/** The recipient a word names: a label or key, or words as plans write them ("Socialnämnden", "Förvaltningschef"). */
function recipientOf(word: string): ReportRecipient | undefined {
  const exact = REPORT_RECIPIENTS.find((each) =>
    [REPORT_RECIPIENT_LABELS[each].sv, REPORT_RECIPIENT_LABELS[each].en, each].some((name) => foldWords(name) === word),
  );
  if (exact) return exact;
  if (word.includes('kommunstyrelse') || word.includes('regionstyrelse')) return 'executive_board';
  if (word.includes('chef') || word.includes('director')) return 'director';
  if (word.includes('namnd') || word.includes('styrelse') || word.includes('committee')) return 'committee';
  return undefined;
}

/** An entry as the preview shows it: its labels, or a proposed word as written. */
type ShownEntry = string | null | LocalizedText;

/** A person named in the file: one of the tenant's, or a new one the import proposes. */
export type PersonRef = { existing: string } | { created: string };
/** A reporting period: the tenant's, or a new one of a standard kind with its usual dates. */
export type PeriodRef = { existing: string } | { created: string };

export interface NewPerson {
  key: string;
  name: string;
  /** Where the file first names them. */
  origin: Origin;
}

export interface NewPeriod {
  key: string;
  kind: NonNullable<ReturnType<typeof parseReportingPeriodLabel>>['kind'];
  number: number | null;
  year: number;
  startDate: string;
  endDate: string;
}

/**
 * Turns the texts of a file into the values of the database, collecting what cannot be used as
 * issues that name sheet, row and column. One resolver serves one preview: the people and
 * periods it proposes to create are shared by every row that names them.
 */
/** How a value names an entry the import proposes to add to one of the tenant's lists. */
const NEW_ENTRY = 'new-entry:';

export interface NewEntry {
  kind: VocabularyKind;
  label: string;
}

/** Whether a value is a proposed new entry (resolved to an id when the import is written). */
export function isNewEntryRef(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(NEW_ENTRY);
}

export class ValueResolver {
  /** Entries of the tenant's lists the file names and the lists lack, by the reference rows carry. */
  readonly newEntries = new Map<string, NewEntry>();
  readonly newPeople = new Map<string, NewPerson>();
  readonly newPeriods = new Map<string, NewPeriod>();
  readonly newFocusAreas = new Map<string, string>();
  private readonly peopleByName = new Map<string, TargetState['people']>();
  private readonly statusByWord = new Map<string, string>();
  private readonly unitByName = new Map<string, string[]>();
  private readonly focusAreaByName = new Map<string, string>();

  constructor(private readonly state: TargetState) {
    for (const person of state.people) {
      const key = foldWords(person.name);
      this.peopleByName.set(key, [...(this.peopleByName.get(key) ?? []), person]);
    }
    for (const status of state.statuses.filter((each) => each.active))
      for (const word of [status.labelSv, status.labelEn, status.key])
        this.statusByWord.set(foldWords(word), status.id);
    for (const unit of state.units.filter((each) => each.archivedAt === null))
      for (const name of [unit.name, unit.shortName ?? ''].filter((each) => each !== ''))
        this.unitByName.set(foldWords(name), [...(this.unitByName.get(foldWords(name)) ?? []), unit.id]);
    for (const area of state.focusAreas) this.focusAreaByName.set(foldWords(area.name), area.id);
  }

  /** The entry of the tenant's list of `kind` a word names (label in either language, or key), active ones first. */
  private findEntry(kind: VocabularyKind, text: string) {
    const word = foldWords(text);
    const matches = this.state.vocabulary.filter(
      (entry) =>
        entry.kind === kind && [entry.labelSv, entry.labelEn, entry.key].some((name) => foldWords(name) === word),
    );
    return matches.find((entry) => entry.archivedAt === null) ?? matches[0];
  }

  /**
   * An entry of one of the tenant's lists (a process, a risk category) named by a word; a word
   * the list lacks is proposed as a new entry, with a warning, and shared by every row naming it.
   */
  entry(
    kind: VocabularyKind,
    value: string | undefined,
    field: string,
    origin: Origin,
    warnings: ImportIssue[],
  ): string | null | undefined {
    const text = this.text(value);
    if (text === undefined || text === null) return text;
    const found = this.findEntry(kind, text);
    if (found) return found.id;
    const ref = `${NEW_ENTRY}${kind}:${foldWords(text)}`;
    if (!this.newEntries.has(ref)) this.newEntries.set(ref, { kind, label: text });
    warnings.push(
      issueAt(
        origin,
        field,
        localize((m) => m.planImport.newVocabularyEntry(text, m.planImport.vocabularyLists[kind] ?? kind)),
      ),
    );
    return ref;
  }

  /**
   * A control's "how": a word that names one of the tenant's control methods is that method;
   * a longer text ("Stickprov av 20 fakturor") is the control's scope, with the method it names.
   */
  method(value: string | undefined): { methodId?: string | null; scope?: string | null } {
    const text = this.text(value);
    if (text === undefined) return {};
    if (text === null) return { methodId: null };
    const exact = this.findEntry('control_method', text);
    if (exact) return { methodId: exact.id };
    const words = foldWords(text);
    const named = this.state.vocabulary.find(
      (entry) =>
        entry.kind === 'control_method' && entry.archivedAt === null && words.includes(foldWords(entry.labelSv)),
    );
    return { methodId: named?.id ?? null, scope: text };
  }

  /**
   * A frequency as written: a kind ("Kvartalsvis", "per tertial") or dates ("2026-03-31, 2026-09-30").
   * A text that is neither is kept for the scope, with a warning.
   */
  frequency(
    value: string | undefined,
    field: string,
    origin: Origin,
    warnings: ImportIssue[],
  ): { frequency?: ControlFrequency | null; unread?: string } {
    const text = this.text(value);
    if (text === undefined) return {};
    if (text === null) return { frequency: null };
    const dates = [...text.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((match) => match[0]);
    const kind = frequencyFromText(text);
    if (kind && !(dates.length > 0 && /datum|dates/i.test(text))) return { frequency: kind };
    if (dates.length > 0) return { frequency: { kind: 'dates', dates: [...new Set(dates)].sort() } };
    warnings.push(
      issueAt(
        origin,
        field,
        localize((m) => m.planImport.unknownFrequency(text)),
      ),
    );
    return { unread: text };
  }

  /** To whom a control reports, as written ("Nämnd, kommunstyrelsen"); words that name none are left out with a warning. */
  recipients(
    value: string | undefined,
    field: string,
    origin: Origin,
    warnings: ImportIssue[],
  ): ReportRecipient[] | undefined {
    const text = this.text(value);
    if (text === undefined) return undefined;
    if (text === null) return [];
    const found: ReportRecipient[] = [];
    for (const part of text.split(/[,;\n]|\boch\b|\band\b/)) {
      const word = foldWords(part);
      if (word === '') continue;
      const recipient = recipientOf(word);
      if (recipient) {
        if (!found.includes(recipient)) found.push(recipient);
      } else
        warnings.push(
          issueAt(
            origin,
            field,
            localize((m) => m.planImport.unknownRecipient(part.trim())),
          ),
        );
    }
    return found;
  }

  /** An entry's label (in the reader's language) for the preview; a proposed one as written. */
  entryLabel(value: unknown): ShownEntry {
    if (typeof value !== 'string') return null;
    const proposed = this.newEntries.get(value);
    if (proposed) return proposed.label;
    const entry = this.state.vocabulary.find((each) => each.id === value);
    return entry ? { sv: entry.labelSv, en: entry.labelEn } : value;
  }

  /** A text: trimmed, line breaks as \n; '' clears (null); undefined leaves as it is. */
  text(value: string | undefined): string | null | undefined {
    if (value === undefined) return undefined;
    const trimmed = value.replace(/\r\n?/g, '\n').trim();
    return trimmed === '' ? null : trimmed;
  }

  date(value: string | undefined, field: string, origin: Origin, issues: ImportIssue[]): string | null | undefined {
    const text = this.text(value);
    if (text === undefined || text === null) return text;
    const date = parseTypedDate(text);
    if (date === null)
      issues.push(
        issueAt(
          origin,
          field,
          localize((m) => m.planImport.notADate(text)),
        ),
      );
    return date ?? undefined;
  }

  dates(values: string[] | undefined, field: string, origin: Origin, issues: ImportIssue[]): string[] | undefined {
    if (values === undefined) return undefined;
    const dates = new Set<string>();
    for (const value of values) {
      const date = this.date(value, field, origin, issues);
      if (typeof date === 'string') dates.add(date);
    }
    return [...dates].sort();
  }

  /** A level of the risk matrix (sannolikhet or konsekvens): a whole number from 1 to the matrix size. */
  level(
    value: string | undefined,
    field: 'likelihood' | 'consequence',
    origin: Origin,
    issues: ImportIssue[],
  ): number | null | undefined {
    const text = this.text(value);
    if (text === undefined || text === null) return text;
    const levels =
      field === 'likelihood'
        ? this.state.matrix.config.likelihoodLevels.length
        : this.state.matrix.config.consequenceLevels.length;
    const number = parseTypedNumber(text);
    if (number === null || !Number.isInteger(number) || number < 1 || number > levels) {
      issues.push(
        issueAt(
          origin,
          field,
          localize((m) => m.planImport.levelOutsideMatrix(text, levels)),
        ),
      );
      return undefined;
    }
    return number;
  }

  number(value: string | undefined, field: string, origin: Origin, issues: ImportIssue[]): number | null | undefined {
    const text = this.text(value);
    if (text === undefined || text === null) return text;
    const number = parseTypedNumber(text);
    if (number === null)
      issues.push(
        issueAt(
          origin,
          field,
          localize((m) => m.planImport.notANumber(text)),
        ),
      );
    return number ?? undefined;
  }

  /** A status by its label in either language, or its key. */
  status(value: string | undefined, field: string, origin: Origin, issues: ImportIssue[]): string | null | undefined {
    const text = this.text(value);
    if (text === undefined || text === null) return text;
    const id = this.statusByWord.get(foldWords(text));
    if (id === undefined) {
      const known = this.state.statuses.filter((status) => status.active);
      issues.push(
        issueAt(
          origin,
          field,
          localize((m, locale) =>
            m.planImport.unknownStatus(
              text,
              known.map((status) => (locale === 'sv' ? status.labelSv : status.labelEn)).join(', '),
            ),
          ),
        ),
      );
    }
    return id;
  }

  statusLabel(id: string | null, locale: 'sv' | 'en'): string | null {
    const status = this.state.statuses.find((each) => each.id === id);
    return status ? (locale === 'sv' ? status.labelSv : status.labelEn) : null;
  }

  /**
   * People by name: one of the tenant's (an active person before a deactivated one of the same
   * name), or proposed as a new person. Two active people of the same name cannot be told apart.
   */
  people(names: string[] | undefined, field: string, origin: Origin, issues: ImportIssue[]): PersonRef[] | undefined {
    if (names === undefined) return undefined;
    const refs: PersonRef[] = [];
    const seen = new Set<string>();
    for (const raw of names) {
      const ref = this.person(raw, field, origin, issues);
      if (ref === null) continue;
      const id = 'existing' in ref ? ref.existing : `new:${ref.created}`;
      if (!seen.has(id)) refs.push(ref);
      seen.add(id);
    }
    return refs;
  }

  person(raw: string | undefined, field: string, origin: Origin, issues: ImportIssue[]): PersonRef | null {
    // Reports print a person who has left with "(borttagen)"; the name is the person's.
    const name = (raw ?? '').replace(/\s*\((?:borttagen|removed)\)\s*$/i, '').trim();
    if (name === '') return null;
    const key = foldWords(name);
    const matches = this.peopleByName.get(key) ?? [];
    const active = matches.filter((person) => person.deactivatedAt === null);
    if (active.length > 1) {
      issues.push(
        issueAt(
          origin,
          field,
          localize((m) => m.planImport.ambiguousPerson(name)),
        ),
      );
      return null;
    }
    const person = active[0] ?? matches[0];
    if (person) return { existing: person.id };
    if (!this.newPeople.has(key)) this.newPeople.set(key, { key, name, origin });
    return { created: key };
  }

  /** The responsible unit by its name or short name; one that is not found is left out, with a warning. */
  unit(value: string | undefined, field: string, origin: Origin, warnings: ImportIssue[]): string | null | undefined {
    const text = this.text(value);
    if (text === undefined || text === null) return text;
    const ids = this.unitByName.get(foldWords(text)) ?? [];
    if (ids.length === 1) return ids[0]!;
    warnings.push(
      issueAt(
        origin,
        field,
        ids.length === 0
          ? localize((m) => m.planImport.unknownUnit(text))
          : localize((m) => m.planImport.ambiguousUnit(text)),
      ),
    );
    return null;
  }

  /** A follow-up's reporting period by its printed name, within the plan's years; a standard one is created on first use. */
  period(value: string, origin: Origin, issues: ImportIssue[]): PeriodRef | null {
    const text = normalisePeriodLabel(value);
    const parsed = parseReportingPeriodLabel(text);
    const { startYear, endYear } = this.state.target;
    if (!parsed) {
      const named = this.state.periods.find(
        (period) => period.name !== null && foldWords(period.name) === foldWords(value),
      );
      if (named && named.year >= startYear && named.year <= endYear) return { existing: named.id };
      issues.push(
        issueAt(
          origin,
          'period',
          localize((m) => m.planImport.unknownPeriod(value.trim())),
        ),
      );
      return null;
    }
    if (parsed.year < startYear || parsed.year > endYear) {
      issues.push(
        issueAt(
          origin,
          'period',
          localize((m) =>
            m.planImport.periodOutsidePlan(
              value.trim(),
              startYear === endYear ? `${startYear}` : `${startYear}–${endYear}`,
            ),
          ),
        ),
      );
      return null;
    }
    const existing = this.state.periods.find(
      (period) =>
        period.kind === parsed.kind &&
        period.year === parsed.year &&
        period.number === parsed.number &&
        period.name === null,
    );
    if (existing) return { existing: existing.id };
    const key = reportingPeriodLabel({ ...parsed, name: null });
    if (this.newPeriods.has(key)) return { created: key };
    const dates = defaultReportingPeriodDates(parsed.kind, parsed.number, parsed.year);
    if (!dates) {
      issues.push(
        issueAt(
          origin,
          'period',
          localize((m) => m.planImport.periodWithoutDates(value.trim())),
        ),
      );
      return null;
    }
    this.newPeriods.set(key, { key, ...parsed, ...dates });
    return { created: key };
  }

  periodLabel(ref: PeriodRef | null, locale: 'sv' | 'en'): string | null {
    if (ref === null) return null;
    if ('created' in ref) {
      const period = this.newPeriods.get(ref.created)!;
      return reportingPeriodLabel({ ...period, name: null }, locale);
    }
    const period = this.state.periods.find((each) => each.id === ref.existing);
    return period ? reportingPeriodLabel(period, locale) : null;
  }

  carryOver(
    value: string | undefined,
    field: string,
    origin: Origin,
    issues: ImportIssue[],
  ): CarryOverDecision | null | undefined {
    const text = this.text(value);
    if (text === undefined || text === null) return text;
    const folded = foldWords(text);
    if ((CARRY_OVER_DECISIONS as readonly string[]).includes(text)) return text as CarryOverDecision;
    if (/^(forsinteover|nej|no|donotcarryover|notcarriedover|avslutas)$/.test(folded)) return 'do_not_carry_over';
    if (/^(forsover|ja|yes|carryover|carriedover)$/.test(folded)) return 'carry_over';
    issues.push(
      issueAt(
        origin,
        field,
        localize((m) => m.planImport.unknownCarryOver(text)),
      ),
    );
    return undefined;
  }

  /** Focus areas by name; one the tenant does not have is created. */
  focusAreas(names: string[] | undefined): string[] | undefined {
    if (names === undefined) return undefined;
    const refs: string[] = [];
    for (const raw of names) {
      const name = raw.trim();
      if (name === '') continue;
      const key = foldWords(name);
      const id = this.focusAreaByName.get(key);
      if (id !== undefined) refs.push(`existing:${id}`);
      else {
        if (!this.newFocusAreas.has(key)) this.newFocusAreas.set(key, name);
        refs.push(`created:${key}`);
      }
    }
    return [...new Set(refs)];
  }

  personName(ref: PersonRef): string {
    if ('created' in ref) return this.newPeople.get(ref.created)!.name;
    return this.state.people.find((person) => person.id === ref.existing)?.name ?? '';
  }

  focusAreaName(ref: string): string {
    const [kind, key] = ref.split(/:(.*)/s) as [string, string];
    if (kind === 'created') return this.newFocusAreas.get(key) ?? key;
    return this.state.focusAreas.find((area) => area.id === key)?.name ?? '';
  }

  unitName(id: string | null): string | null {
    return id === null ? null : (this.state.units.find((unit) => unit.id === id)?.name ?? null);
  }
}

/** "2020-Q3", "Q3 2020", "2020 T2" and "2020" as the period names reports print ("Kvartal 3 2020", "Helår 2020"). */
export function normalisePeriodLabel(value: string): string {
  const text = value.trim().replace(/\s+/g, ' ');
  const short =
    /^(\d{4})\s*[-–]?\s*([QqTtKk])\s*(\d)$/.exec(text) ?? /^([QqTtKk])\s*(\d)\s*[-–]?\s*(\d{4})$/.exec(text);
  if (short) {
    const [year, letter, number] = /^\d{4}$/.test(short[1]!)
      ? [short[1]!, short[2]!, short[3]!]
      : [short[3]!, short[1]!, short[2]!];
    return `${letter.toUpperCase() === 'T' ? 'Tertial' : 'Kvartal'} ${number} ${year}`;
  }
  const year = /^(\d{4})$/.exec(text);
  if (year) return `Helår ${year[1]}`;
  return text;
}

/** An issue at the column a field came from. */
export function issueAt(origin: Origin, field: string | null, message: LocalizedText): ImportIssue {
  return {
    sheet: origin.sheet,
    row: origin.row,
    column: field === null ? null : (origin.columns?.[field] ?? null),
    message,
  };
}
