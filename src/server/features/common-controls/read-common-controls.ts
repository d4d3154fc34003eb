import { and, asc, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { commonControl, type commonControlListQuery } from '../../../domain/contracts/common-controls.ts';
import type { Access } from '../../access/access.ts';
import { copiesOf, targetIdsOf, type CommonControlRow } from '../../common-controls/common-control-copies.ts';
import type { Database } from '../../db/client.ts';
import { commonControls } from '../../db/schema/common-controls.ts';
import { AppError } from '../../errors.ts';
import { presentAs } from '../../http/present.ts';
import { vocabularyRefs } from '../../vocabulary/vocabulary-refs.ts';

export const presentCommonControl = presentAs(commonControl);

type Row = Record<string, unknown>;

/**
 * Who reads a common control: those who read its origin (the kommunstyrelse sees every unit
 * below), and those who read a unit it reaches (each nämnd sees where it comes from, and only its
 * own copy among the copies).
 */
async function withCopies(db: Database, access: Access, rows: CommonControlRow[]): Promise<Row[]> {
  const targets = await targetIdsOf(
    db,
    access.tenantId,
    rows.map((row) => row.id),
  );
  const refs = await vocabularyRefs(
    db,
    access.tenantId,
    rows.flatMap((row) => [row.processId, row.categoryId, row.methodId]),
  );
  const shown: Row[] = [];
  for (const row of rows) {
    const targetUnitIds = targets.get(row.id) ?? [];
    const copies = await copiesOf(db, row, targetUnitIds);
    const readsOrigin = access.canRead(row.originUnitId);
    const visible = readsOrigin ? copies : copies.filter((copy) => access.canRead(copy.unitId));
    if (!readsOrigin && visible.length === 0) continue;
    shown.push({
      ...row,
      process: row.processId ? (refs.get(row.processId) ?? null) : null,
      category: row.categoryId ? (refs.get(row.categoryId) ?? null) : null,
      method: row.methodId ? (refs.get(row.methodId) ?? null) : null,
      targetUnitIds: readsOrigin ? targetUnitIds : targetUnitIds.filter((id) => access.canRead(id)),
      copies: visible,
    });
  }
  return shown;
}

/** The stored row of a common control the caller reads; otherwise not found. */
export async function findCommonControlRow(db: Database, access: Access, id: string): Promise<CommonControlRow> {
  const [row] = await db
    .select()
    .from(commonControls)
    .where(and(eq(commonControls.tenantId, access.tenantId), eq(commonControls.id, id)));
  if (!row) throw new AppError('not_found');
  if ((await withCopies(db, access, [row])).length === 0) throw new AppError('not_found');
  return row;
}

/** One common control with its references and copies, as the caller may see it. */
export async function findCommonControl(db: Database, access: Access, id: string): Promise<Row> {
  const row = await findCommonControlRow(db, access, id);
  return (await withCopies(db, access, [row]))[0]!;
}

/** A page of the common controls the caller reads, newest year first, by title. */
export async function listCommonControls(db: Database, access: Access, query: z.infer<typeof commonControlListQuery>) {
  const where: (SQL | undefined)[] = [eq(commonControls.tenantId, access.tenantId)];
  if (query.originUnitId) where.push(eq(commonControls.originUnitId, query.originUnitId));
  if (query.year !== undefined) where.push(eq(commonControls.year, query.year));
  if (!query.includeArchived) where.push(isNull(commonControls.archivedAt));
  const sortColumn = query.sort?.replace(/^-/, '') === 'title' ? commonControls.title : commonControls.year;
  const direction = query.sort?.startsWith('-') || query.sort === undefined ? desc : asc;
  const rows = await db
    .select()
    .from(commonControls)
    .where(and(...where))
    .orderBy(direction(sortColumn), asc(commonControls.title), asc(commonControls.id));
  let shown = await withCopies(db, access, rows);
  if (query.reachingUnitId)
    shown = shown.filter((row) =>
      (row.copies as { unitId: string }[]).some((copy) => copy.unitId === query.reachingUnitId),
    );
  return { items: shown.slice(query.offset, query.offset + query.limit), total: shown.length };
}
