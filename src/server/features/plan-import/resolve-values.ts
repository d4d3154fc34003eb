import { CARRY_OVER_DECISIONS, type CarryOverDecision } from '../../../domain/activity.ts';
import { parseTypedDate, parseTypedNumber } from '../../../domain/import-values.ts';
import {
  defaultReportingPeriodDates,
  parseReportingPeriodLabel,
  reportingPeriodLabel,
} from '../../../domain/reporting-period.ts';
import { foldWords } from '../../../domain/table-headings.ts';
import type { LocalizedText } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import type { TargetState } from './load-target.ts';
import type { ImportIssue, Origin } from './model.ts';

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
export class ValueResolver {
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
