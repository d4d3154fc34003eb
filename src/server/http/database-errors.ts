import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';

interface PostgresError {
  code: string;
  constraint?: string;
  table?: string;
  /** For a unique violation: "Key (tenant_id, kind, COALESCE(number, 0))=(…) already exists." */
  detail?: string;
}

function postgresError(error: unknown): PostgresError | null {
  for (
    let current: unknown = error;
    current instanceof Error || (typeof current === 'object' && current !== null);
    current = (current as { cause?: unknown }).cause
  ) {
    const candidate = current as Partial<PostgresError> & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as PostgresError;
    // Stryker disable next-line ConditionalExpression: equivalent, without the break the loop's own condition ends it at the undefined cause
    if (candidate.cause === undefined) break;
  }
  return null;
}

function camelCase(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * The field a foreign-key constraint guards. Our constraints are named `<table>_<field>_fk`
 * (see the schema), e.g. plans_decision_unit_fk → decisionUnitId.
 */
function fieldOfForeignKey(constraint: string, table: string | undefined): string {
  const withoutTable = table && constraint.startsWith(`${table}_`) ? constraint.slice(table.length + 1) : constraint;
  return `${camelCase(withoutTable.replace(/_fk$/, ''))}Id`;
}

/** Splits at the commas that are not inside parentheses. */
function topLevelParts(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of list) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/**
 * The fields a unique constraint covers, read from the database's own description of the
 * violation ("Key (tenant_id, kind, year, COALESCE(number, 0))=…"): each key part's column,
 * also inside an expression, without tenant_id (every key has it and nobody types it).
 */
export function fieldsOfUniqueViolation(detail: string | undefined): string[] {
  const match = detail ? /^Key \((.*)\)=\(/s.exec(detail) : null;
  if (!match) return [];
  const fields: string[] = [];
  for (const part of topLevelParts(match[1]!)) {
    // A column is the first lower-case name not followed by "(" (that would be a function), not
    // after "::" (a type, e.g. ''::text) and not inside a quoted literal.
    const column = /(?<![:\w'])([a-z_][a-z0-9_]*)\b(?!\s*\()/.exec(part)?.[1];
    if (column && column !== 'tenant_id' && !fields.includes(camelCase(column))) fields.push(camelCase(column));
  }
  return fields;
}

/**
 * A unique violation: the entry already exists. Says so and names the fields that make it the
 * same, never "someone else changed this" (that is for a stale version).
 */
function duplicateProblem(pg: PostgresError): AppError {
  const fields = fieldsOfUniqueViolation(pg.detail);
  const listed = fields.join(', ');
  return new AppError(
    'duplicate',
    fields.length === 0
      ? localize((m) => m.database.identicalEntry)
      : localize((m) =>
          fields.length === 1 ? m.database.sameValueInField(listed) : m.database.sameValueInFields(listed),
        ),
    fields.map((path) => ({ path, message: localize((m) => m.database.sameValue) })),
  );
}

/**
 * Turns a constraint the database enforced into a problem naming the field, instead of a 500.
 * The use cases check what they can first; this catches the rest (an id of another tenant, a
 * race with a concurrent change). Returns null for anything else.
 */
export function problemFromDatabaseError(error: unknown): AppError | null {
  const pg = postgresError(error);
  if (!pg) return null;
  if (pg.code === '23503' && pg.constraint) {
    return new AppError('validation_failed', undefined, [
      { path: fieldOfForeignKey(pg.constraint, pg.table), message: localize((m) => m.validation.doesNotExist) },
    ]);
  }
  if (pg.code === '23505') return duplicateProblem(pg);
  if (pg.code === '23514' || pg.code === '22P02' || pg.code === '22007' || pg.code === '22008') {
    return new AppError(
      'validation_failed',
      localize((m) => m.database.breaksRule(pg.constraint ?? pg.code)),
    );
  }
  if (pg.code === '40001' || pg.code === '40P01') {
    return new AppError(
      'conflict',
      localize((m) => m.database.concurrentChange),
    );
  }
  return null;
}
