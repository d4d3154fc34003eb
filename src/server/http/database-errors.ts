import { AppError } from '../errors.ts';

interface PostgresError {
  code: string;
  constraint?: string;
  table?: string;
}

function postgresError(error: unknown): PostgresError | null {
  for (let current: unknown = error; current instanceof Error || (typeof current === 'object' && current !== null); current = (current as { cause?: unknown }).cause) {
    const candidate = current as Partial<PostgresError> & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as PostgresError;
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
      { path: fieldOfForeignKey(pg.constraint, pg.table), message: { sv: 'Finns inte.', en: 'Does not exist.' } },
    ]);
  }
  if (pg.code === '23505') {
    return new AppError('conflict', { sv: 'Det finns redan en likadan post.', en: 'An identical entry already exists.' });
  }
  if (pg.code === '23514' || pg.code === '22P02' || pg.code === '22007' || pg.code === '22008') {
    return new AppError('validation_failed', {
      sv: `Uppgifterna bryter mot en regel (${pg.constraint ?? pg.code}).`,
      en: `The input breaks a rule (${pg.constraint ?? pg.code}).`,
    });
  }
  if (pg.code === '40001' || pg.code === '40P01') {
    return new AppError('conflict', { sv: 'Någon annan ändrade samtidigt. Försök igen.', en: 'Someone else changed it at the same time. Try again.' });
  }
  return null;
}
