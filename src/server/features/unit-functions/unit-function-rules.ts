import { and, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { functionHolders, unitFunctions } from '../../db/schema/unit-functions.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { holdingsOf, type Holding } from '../../functions/function-holders.ts';
import { localize } from '../../messages/messages.ts';
import { presentHolding } from './present.ts';

type Reader = Database | Transaction;
type FunctionRow = typeof unitFunctions.$inferSelect;

/** A function of the tenant on a unit the caller reads; otherwise not found. */
export async function findUnitFunction(db: Reader, access: Access, functionId: string): Promise<FunctionRow> {
  const [row] = await db
    .select()
    .from(unitFunctions)
    .where(and(eq(unitFunctions.tenantId, access.tenantId), eq(unitFunctions.id, functionId)));
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return row;
}

/** Holding `date` (inclusive ends)? */
function holdsOn(holding: Holding, date: string): boolean {
  return holding.validFrom <= date && (holding.validTo === null || holding.validTo >= date);
}

/** The functions with their holdings, and who holds each today. */
export async function withHolders(db: Reader, access: Access, rows: FunctionRow[]) {
  const holdings = await holdingsOf(
    db,
    access.tenantId,
    rows.map((row) => row.id),
  );
  const today = access.today;
  return rows.map((row) => {
    const own = holdings.filter((holding) => holding.functionId === row.id);
    const current = own.find((holding) => holdsOn(holding, today));
    return {
      ...row,
      holders: own.map((holding) => presentHolding({ ...holding })),
      currentHolder: current ? presentHolding({ ...current }) : null,
    };
  });
}

/** The function with its holdings, as the API shows it. */
export async function showUnitFunction(db: Reader, access: Access, row: FunctionRow) {
  const [shown] = await withHolders(db, access, [row]);
  return shown!;
}

/** Refuses a person who is not of the tenant, naming `userId`. */
export async function assertTenantUser(tx: Transaction, tenantId: string, userId: string): Promise<void> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (!user)
    throw new AppError('validation_failed', undefined, [
      { path: 'userId', message: localize((m) => m.unitFunctions.unknownUser) },
    ]);
}

/**
 * A function has at most one holder on any day: refuses a holding (from `validFrom` to
 * `validTo`, open when null) that overlaps another of the same function, naming `validFrom`.
 */
export async function assertNoOverlap(
  tx: Transaction,
  tenantId: string,
  functionId: string,
  period: { validFrom: string; validTo: string | null },
  exceptHoldingId?: string,
): Promise<void> {
  if (period.validTo !== null && period.validTo < period.validFrom)
    throw new AppError('validation_failed', undefined, [
      { path: 'validTo', message: localize((m) => m.unitFunctions.endBeforeStart(period.validFrom, period.validTo!)) },
    ]);
  const [other] = await tx
    .select({ validFrom: functionHolders.validFrom, validTo: functionHolders.validTo })
    .from(functionHolders)
    .where(
      and(
        eq(functionHolders.tenantId, tenantId),
        eq(functionHolders.functionId, functionId),
        exceptHoldingId ? ne(functionHolders.id, exceptHoldingId) : undefined,
        or(isNull(functionHolders.validTo), gte(functionHolders.validTo, period.validFrom)),
        period.validTo === null ? undefined : lte(functionHolders.validFrom, period.validTo),
      ),
    )
    .limit(1);
  if (other)
    throw new AppError('validation_failed', undefined, [
      {
        path: 'validFrom',
        message: localize((m) => m.unitFunctions.overlappingHolding(other.validFrom, other.validTo)),
      },
    ]);
}
