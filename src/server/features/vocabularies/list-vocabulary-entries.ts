import { and, asc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { vocabularyListQuery } from '../../../domain/contracts/vocabularies.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { commonControls } from '../../db/schema/common-controls.ts';
import { controls } from '../../db/schema/controls.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { risks } from '../../db/schema/risks.ts';
import { vocabularyEntries as entries } from '../../db/schema/vocabulary-entries.ts';
import { orderBy } from '../../http/list-helpers.ts';

/**
 * Whether some item refers to the entry: a risk's process or category, a control's method, a
 * deviation's severity, or the same on a common control. Archived items count: they still show it.
 */
const inUse = sql`(
  exists (select 1 from ${risks} where ${risks.tenantId} = ${entries.tenantId}
    and (${risks.processId} = ${entries.id} or ${risks.categoryId} = ${entries.id}))
  or exists (select 1 from ${controls} where ${controls.tenantId} = ${entries.tenantId}
    and ${controls.methodId} = ${entries.id})
  or exists (select 1 from ${deviations} where ${deviations.tenantId} = ${entries.tenantId}
    and ${deviations.severityId} = ${entries.id})
  or exists (select 1 from ${commonControls} where ${commonControls.tenantId} = ${entries.tenantId}
    and (${commonControls.processId} = ${entries.id} or ${commonControls.categoryId} = ${entries.id}
      or ${commonControls.methodId} = ${entries.id}))
)`;

/**
 * A page of the tenant's vocabulary entries, by kind and position: of one kind, offered for one
 * year (within its years and, unless archived ones are asked for, not archived), or only those
 * some item uses (or, with inUse=false, those none uses).
 */
export async function listVocabularyEntries(db: Database, access: Access, query: z.infer<typeof vocabularyListQuery>) {
  const where: (SQL | undefined)[] = [eq(entries.tenantId, access.tenantId)];
  if (query.kind) where.push(eq(entries.kind, query.kind));
  if (query.year !== undefined)
    where.push(
      or(isNull(entries.validFromYear), lte(entries.validFromYear, query.year)),
      or(isNull(entries.validToYear), gte(entries.validToYear, query.year)),
    );
  if (!query.includeArchived) where.push(isNull(entries.archivedAt));
  if (query.inUse !== undefined) where.push(query.inUse ? inUse : sql`not ${inUse}`);
  const rows = await db
    .select({ entry: entries, total: sql<number>`count(*) over ()` })
    .from(entries)
    .where(and(...where))
    .orderBy(
      asc(entries.kind),
      ...orderBy(query.sort, { sortOrder: entries.sortOrder, labelSv: entries.labelSv }, 'sortOrder', entries.id),
    )
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map((row) => row.entry), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
