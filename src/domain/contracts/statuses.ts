import { z } from 'zod';
import { STATUS_CATEGORIES, STATUS_ICONS } from '../status.ts';
import { booleanQuery, editableFields, id, shortText, sortOrder } from './common.ts';

const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .meta({ description: 'CSS colour #rrggbb.' });

/** A status of the tenant's vocabulary, with colour and icon so that it is never shown by colour alone. */
export const status = z
  .object({
    id,
    key: z.string().meta({ description: 'Stable key, e.g. "pagaende".' }),
    labelSv: z.string(),
    labelEn: z.string(),
    colour: z.string(),
    icon: z.enum(STATUS_ICONS),
    category: z
      .enum(STATUS_CATEGORIES)
      .meta({ description: 'What the status means to reports and the "overdue" rule.' }),
    sortOrder: z.int(),
    active: z.boolean(),
    ...editableFields,
  })
  .meta({ id: 'Status' });

const statusFields = {
  labelSv: shortText,
  labelEn: shortText,
  colour,
  icon: z.enum(STATUS_ICONS),
  category: z.enum(STATUS_CATEGORIES),
};

export const statusCreate = z
  .strictObject({
    key: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(50),
    ...statusFields,
    sortOrder: sortOrder.optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'StatusCreate' });

export const statusUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    labelSv: shortText.optional(),
    labelEn: shortText.optional(),
    colour: colour.optional(),
    icon: z.enum(STATUS_ICONS).optional(),
    category: z.enum(STATUS_CATEGORIES).optional(),
    sortOrder: sortOrder.optional(),
    active: z
      .boolean()
      .optional()
      .meta({ description: 'An inactive status stays on old items but is not offered for new ones.' }),
  })
  .meta({ id: 'StatusUpdate' });

export const statusListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(500),
  offset: z.coerce.number().int().min(0).default(0),
  includeInactive: booleanQuery.optional(),
});
