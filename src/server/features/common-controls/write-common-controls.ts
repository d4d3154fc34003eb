import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { commonControlCreate, commonControlUpdate } from '../../../domain/contracts/common-controls.ts';
import { checkpointDates } from '../../../domain/control-frequency.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { insertAudited, setArchived, updateAudited } from '../../audit/audited-writes.ts';
import {
  reachedUnitIds,
  spreadCommonControl,
  targetIdsOf,
  unitsBelow,
  type CommonControlRow,
} from '../../common-controls/common-control-copies.ts';
import type { Transaction } from '../../db/client.ts';
import { commonControls, commonControlTargets } from '../../db/schema/common-controls.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { assertVocabularyEntry } from '../../vocabulary/vocabulary-refs.ts';
import { findCommonControl, findCommonControlRow, presentCommonControl } from './read-common-controls.ts';

type Create = z.infer<typeof commonControlCreate>;
type Changes = Omit<z.infer<typeof commonControlUpdate>, 'version'>;

/** The processes, categories and methods are the tenant's for the year; a frequency gives a date in it. */
async function checkValues(tx: Transaction, access: Access, year: number, values: Changes, current?: CommonControlRow) {
  for (const [kind, path] of [
    ['process', 'processId'],
    ['risk_category', 'categoryId'],
    ['control_method', 'methodId'],
  ] as const)
    await assertVocabularyEntry(tx, access.tenantId, {
      kind,
      entryId: values[path],
      year,
      path,
      current: current?.[path] ?? null,
    });
  const frequency = values.frequency;
  if (frequency && checkpointDates(frequency, `${year}-01-01`, `${year}-12-31`).length === 0)
    throw new AppError('validation_failed', undefined, [
      { path: 'frequency', message: localize((m) => m.commonControls.frequencyGivesNoDate(year)) },
    ]);
}

/** The chosen units are below the origin (each named when not); none chosen: the default reach. */
async function checkTargets(tx: Transaction, access: Access, originUnitId: string, targetUnitIds: string[]) {
  if (targetUnitIds.length === 0) return;
  const units = await tx
    .select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId, kind: orgUnits.kind })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, access.tenantId));
  const below = new Set(unitsBelow(units, originUnitId).map((unit) => unit.id));
  const errors = targetUnitIds.flatMap((unitId, index) => {
    if (below.has(unitId)) return [];
    const unit = units.find((candidate) => candidate.id === unitId);
    return [
      {
        path: `targetUnitIds.${index}`,
        message: unit
          ? localize((m) => m.commonControls.outsideOrigin(unit.name))
          : localize((m) => m.validation.doesNotExist),
      },
    ];
  });
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
}

/** The units chosen, as stored: replaced as a whole, each change audited with the control. */
async function writeTargets(tx: Transaction, tenantId: string, commonControlId: string, targetUnitIds: string[]) {
  await tx
    .delete(commonControlTargets)
    .where(and(eq(commonControlTargets.tenantId, tenantId), eq(commonControlTargets.commonControlId, commonControlId)));
  const unique = [...new Set(targetUnitIds)];
  if (unique.length > 0)
    await tx.insert(commonControlTargets).values(unique.map((unitId) => ({ tenantId, commonControlId, unitId })));
}

/**
 * Defines a common control for a year (the origin's administrator or coordinator) and copies it
 * into the plans of the units it reaches that are still utkast; adopted plans are offered it.
 */
export async function createCommonControl(tx: Transaction, access: Access, input: Create) {
  const [unit] = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, input.originUnitId)));
  if (!unit || !access.canRead(unit.id))
    throw new AppError('validation_failed', undefined, [
      { path: 'originUnitId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  access.assertRole(unit.id, MANAGING_ROLES);
  const { targetUnitIds = [], ...values } = input;
  await checkValues(tx, access, input.year, values);
  await checkTargets(tx, access, unit.id, targetUnitIds);
  const row = (await insertAudited(
    tx,
    commonControls,
    {
      tenantId: access.tenantId,
      originUnitId: unit.id,
      year: input.year,
      riskTitle: values.riskTitle,
      riskDescription: values.riskDescription ?? null,
      processId: values.processId ?? null,
      categoryId: values.categoryId ?? null,
      title: values.title,
      description: values.description ?? null,
      methodId: values.methodId ?? null,
      scope: values.scope ?? null,
      frequency: values.frequency ?? null,
      reportingTime: values.reportingTime ?? null,
      reportsTo: values.reportsTo ?? [],
    },
    { actor: access.actor, entityType: 'common_control', unitId: unit.id },
    targetUnitIds.length > 0 ? { targetUnitIds: [[], [...new Set(targetUnitIds)]] } : {},
  )) as CommonControlRow;
  await writeTargets(tx, access.tenantId, row.id, targetUnitIds);
  await spreadCommonControl(tx, access.actor, row, []);
  return findCommonControl(tx, access, row.id);
}

/** Changes a common control; plans in draft take the change, adopted ones are offered it. */
export async function updateCommonControl(
  tx: Transaction,
  access: Access,
  id: string,
  version: number,
  changes: Changes,
) {
  const current = await findCommonControlRow(tx, access, id);
  access.assertRole(current.originUnitId, MANAGING_ROLES);
  // A 409 shows the control as GET does, copies and all, so the client can merge.
  const shown = presentCommonControl(await findCommonControl(tx, access, id));
  const { targetUnitIds, ...values } = changes;
  await checkValues(tx, access, current.year, values, current);
  const before = await reachedUnitIds(tx, current);
  const storedTargets = (await targetIdsOf(tx, access.tenantId, [current.id])).get(current.id) ?? [];
  let targetChange = {};
  if (targetUnitIds !== undefined) {
    await checkTargets(tx, access, current.originUnitId, targetUnitIds);
    const wanted = [...new Set(targetUnitIds)].sort();
    if (JSON.stringify(wanted) !== JSON.stringify([...storedTargets].sort()))
      targetChange = { targetUnitIds: [storedTargets, wanted] };
  }
  const row = (await updateAudited(
    tx,
    commonControls,
    {
      current,
      expectedVersion: version,
      values,
      present: () => shown,
      writeAlongside: async () => {
        if (targetUnitIds !== undefined) await writeTargets(tx, access.tenantId, current.id, targetUnitIds);
        return targetChange;
      },
    },
    { actor: access.actor, entityType: 'common_control', unitId: current.originUnitId },
  )) as CommonControlRow;
  await spreadCommonControl(tx, access.actor, row, before);
  return findCommonControl(tx, access, row.id);
}

/**
 * Archives a common control (its copies leave the plans still in draft; adopted plans keep
 * theirs as decided) or restores it (the drafts take it in again): the origin's managers.
 */
export async function archiveCommonControl(tx: Transaction, access: Access, id: string, archived: boolean) {
  const current = await findCommonControlRow(tx, access, id);
  access.assertMayArchive(current.originUnitId);
  const row = (await setArchived(tx, commonControls, current, archived, {
    actor: access.actor,
    entityType: 'common_control',
    unitId: current.originUnitId,
  })) as CommonControlRow;
  await spreadCommonControl(tx, access.actor, row, await reachedUnitIds(tx, row));
  return findCommonControl(tx, access, row.id);
}
