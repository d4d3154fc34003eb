import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Database, Transaction } from '../db/client.ts';
import { controls } from '../db/schema/controls.ts';
import { functionHolders, unitFunctions } from '../db/schema/unit-functions.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { users } from '../db/schema/users.ts';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';

type Reader = Database | Transaction;

/** A holding with the holder's name. */
export interface Holding {
  id: string;
  tenantId: string;
  functionId: string;
  userId: string;
  userName: string;
  validFrom: string;
  validTo: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The function's holding on `date` (both ends included), read in the functions' tenant. */
const heldOn = (date: string) =>
  and(lte(functionHolders.validFrom, date), or(isNull(functionHolders.validTo), gte(functionHolders.validTo, date)));

/**
 * Joins a control to whoever holds its kontrollansvarig function on `date`: the condition of a
 * join of `functionHolders` to `controls`.
 */
export const holdsControlFunctionOn = (date: string) =>
  and(
    eq(functionHolders.tenantId, controls.tenantId),
    eq(functionHolders.functionId, controls.responsibleFunctionId),
    heldOn(date),
  );

const holdingColumns = {
  id: functionHolders.id,
  tenantId: functionHolders.tenantId,
  functionId: functionHolders.functionId,
  userId: functionHolders.userId,
  userName: users.name,
  validFrom: functionHolders.validFrom,
  validTo: functionHolders.validTo,
  version: functionHolders.version,
  createdAt: functionHolders.createdAt,
  updatedAt: functionHolders.updatedAt,
};

/** Every holding of these functions, earliest first. */
export async function holdingsOf(db: Reader, tenantId: string, functionIds: readonly string[]): Promise<Holding[]> {
  if (functionIds.length === 0) return [];
  return db
    .select(holdingColumns)
    .from(functionHolders)
    .innerJoin(users, and(eq(users.tenantId, functionHolders.tenantId), eq(users.id, functionHolders.userId)))
    .where(and(eq(functionHolders.tenantId, tenantId), inArray(functionHolders.functionId, [...functionIds])))
    .orderBy(asc(functionHolders.validFrom), asc(functionHolders.id));
}

/** Who holds each of these functions on `date`, by function id; vacant functions are absent. */
export async function holdersOn(
  db: Reader,
  tenantId: string,
  functionIds: Iterable<string | null | undefined>,
  date: string,
): Promise<Map<string, Holding>> {
  const wanted = [...new Set([...functionIds].filter((id): id is string => typeof id === 'string'))];
  const holders = new Map<string, Holding>();
  if (wanted.length === 0) return holders;
  const rows = await db
    .select(holdingColumns)
    .from(functionHolders)
    .innerJoin(users, and(eq(users.tenantId, functionHolders.tenantId), eq(users.id, functionHolders.userId)))
    .where(and(eq(functionHolders.tenantId, tenantId), inArray(functionHolders.functionId, wanted), heldOn(date)));
  for (const row of rows) holders.set(row.functionId, row);
  return holders;
}

/** Who holds the function on `date`, or null when it is vacant. */
export async function holderOn(
  db: Reader,
  tenantId: string,
  functionId: string,
  date: string,
): Promise<Holding | null> {
  return (await holdersOn(db, tenantId, [functionId], date)).get(functionId) ?? null;
}

/** The functions a person holds on `date` (archived functions left out). */
export async function functionIdsHeldBy(db: Reader, tenantId: string, userId: string, date: string): Promise<string[]> {
  const rows = await db
    .select({ id: functionHolders.functionId })
    .from(functionHolders)
    .innerJoin(
      unitFunctions,
      and(eq(unitFunctions.tenantId, functionHolders.tenantId), eq(unitFunctions.id, functionHolders.functionId)),
    )
    .where(
      and(
        eq(functionHolders.tenantId, tenantId),
        eq(functionHolders.userId, userId),
        isNull(unitFunctions.archivedAt),
        heldOn(date),
      ),
    );
  return [...new Set(rows.map((row) => row.id))];
}

/** How a control shows its responsible function: the function and who holds it on `date`. */
export interface FunctionRef {
  id: string;
  name: string;
  unitId: string;
  holderId: string | null;
  holderName: string | null;
}

/** The functions with these ids, with their holders on `date`, by id. */
export async function functionRefs(
  db: Reader,
  tenantId: string,
  functionIds: Iterable<string | null | undefined>,
  date: string,
): Promise<Map<string, FunctionRef>> {
  const wanted = [...new Set([...functionIds].filter((id): id is string => typeof id === 'string'))];
  const refs = new Map<string, FunctionRef>();
  if (wanted.length === 0) return refs;
  const rows = await db
    .select({ id: unitFunctions.id, name: unitFunctions.name, unitId: unitFunctions.unitId })
    .from(unitFunctions)
    .where(and(eq(unitFunctions.tenantId, tenantId), inArray(unitFunctions.id, wanted)));
  const holders = await holdersOn(db, tenantId, wanted, date);
  for (const row of rows) {
    const holder = holders.get(row.id);
    refs.set(row.id, { ...row, holderId: holder?.userId ?? null, holderName: holder?.userName ?? null });
  }
  return refs;
}

/**
 * Checks a function named in the field `path`: a function of the tenant, and not archived
 * unless it is the one already named (`current`). Null or absent passes.
 */
export async function assertUnitFunction(
  tx: Reader,
  tenantId: string,
  options: {
    functionId: string | null | undefined;
    path: string;
    current: string | null;
    /** The days the control runs: someone must hold the function on one of them. */
    span?: { from: string; to: string };
  },
): Promise<void> {
  const { functionId, path, current, span } = options;
  if (typeof functionId !== 'string') return;
  const [row] = await tx
    .select({ name: unitFunctions.name, archivedAt: unitFunctions.archivedAt })
    .from(unitFunctions)
    .where(and(eq(unitFunctions.tenantId, tenantId), eq(unitFunctions.id, functionId)));
  if (!row)
    throw new AppError('validation_failed', undefined, [
      { path, message: localize((m) => m.unitFunctions.unknownFunction) },
    ]);
  if (functionId === current) return;
  if (row.archivedAt !== null)
    throw new AppError('validation_failed', undefined, [
      { path, message: localize((m) => m.unitFunctions.archivedFunction(row.name)) },
    ]);
  if (!span) return;
  // A function no one holds while the control runs would leave the control without kontrollansvarig.
  const [held] = await tx
    .select({ id: functionHolders.id })
    .from(functionHolders)
    .where(
      and(
        eq(functionHolders.tenantId, tenantId),
        eq(functionHolders.functionId, functionId),
        lte(functionHolders.validFrom, span.to),
        or(isNull(functionHolders.validTo), gte(functionHolders.validTo, span.from)),
      ),
    )
    .limit(1);
  if (!held)
    throw new AppError('validation_failed', undefined, [
      { path, message: localize((m) => m.unitFunctions.heldByNoOne(row.name, span.from, span.to)) },
    ]);
}

/** A unit whose chef a person is: they hold one of its manager functions (`isManager`). */
export interface ChefOf {
  unitId: string;
  unitName: string;
}

/**
 * The units whose chef (ansvarig chef) the person is on `date`: they hold a manager function of
 * the unit that is not archived. Only the unit itself, not the units below it.
 */
export async function unitsChefedBy(db: Reader, tenantId: string, userId: string, date: string): Promise<ChefOf[]> {
  const rows = await db
    .selectDistinct({ unitId: unitFunctions.unitId, unitName: orgUnits.name })
    .from(functionHolders)
    .innerJoin(
      unitFunctions,
      and(eq(unitFunctions.tenantId, functionHolders.tenantId), eq(unitFunctions.id, functionHolders.functionId)),
    )
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, unitFunctions.tenantId), eq(orgUnits.id, unitFunctions.unitId)))
    .where(
      and(
        eq(functionHolders.tenantId, tenantId),
        eq(functionHolders.userId, userId),
        eq(unitFunctions.isManager, true),
        isNull(unitFunctions.archivedAt),
        heldOn(date),
      ),
    )
    .orderBy(asc(orgUnits.name), asc(unitFunctions.unitId));
  return rows;
}

/** Whether the person is the unit's chef on `date` (holds one of its manager functions). */
export async function isChefOf(db: Reader, tenantId: string, userId: string, unitId: string, date: string) {
  return (await unitsChefedBy(db, tenantId, userId, date)).some((unit) => unit.unitId === unitId);
}
