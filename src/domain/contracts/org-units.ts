import { z } from 'zod';
import { ORG_UNIT_KINDS } from '../org-unit.ts';
import {
  archivedField,
  editableFields,
  id,
  includeArchivedQuery,
  listQuery,
  optionalShortText,
  shortText,
  sortOrder,
} from './common.ts';

/** A unit of the organisation tree (kommun, nämnd, förvaltning …). */
export const orgUnit = z
  .object({
    id,
    parentId: id.nullable(),
    kind: z.enum(ORG_UNIT_KINDS),
    name: z.string(),
    shortName: z.string().nullable().meta({ description: 'Abbreviation, e.g. "GRF".' }),
    sortOrder: z.int(),
    ...archivedField,
    ...editableFields,
  })
  .meta({ id: 'OrgUnit' });

/** A unit with its children, for the tree view. */
export type OrgUnitNode = z.infer<typeof orgUnit> & { children: OrgUnitNode[] };
export const orgUnitNode: z.ZodType<OrgUnitNode> = orgUnit
  .extend({
    get children() {
      return z.array(orgUnitNode);
    },
  })
  .meta({ id: 'OrgUnitNode' });

export const orgUnitCreate = z
  .strictObject({
    parentId: id.meta({ description: 'The unit it belongs under; new root units are created with the tenant.' }),
    kind: z.enum(ORG_UNIT_KINDS),
    name: shortText,
    shortName: optionalShortText.optional(),
    sortOrder: sortOrder.optional(),
  })
  .meta({ id: 'OrgUnitCreate' });

export const orgUnitUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    parentId: id.optional(),
    kind: z.enum(ORG_UNIT_KINDS).optional(),
    name: shortText.optional(),
    shortName: optionalShortText.optional(),
    sortOrder: sortOrder.optional(),
  })
  .meta({ id: 'OrgUnitUpdate' });

export const orgUnitListQuery = z.strictObject({
  ...listQuery(['name', 'sortOrder', 'kind']),
  under: id.optional().meta({ description: 'Only this unit and its subtree.' }),
  kind: z.enum(ORG_UNIT_KINDS).optional(),
  includeArchived: includeArchivedQuery,
});

export const orgUnitTreeQuery = z.strictObject({
  root: id.optional().meta({ description: 'Start the tree at this unit instead of at the top of what you may read.' }),
  includeArchived: includeArchivedQuery,
});
