import { z } from 'zod';
import { id } from './common.ts';

export const archiveQuery = z.strictObject({
  unit: id.optional().meta({
    description: "The unit whose årsarkiv it is; without it, every unit of the tenant (the tenant's managers only).",
  }),
  year: z.string().meta({ description: 'The year, four digits.', example: '2026' }),
  lang: z.enum(['sv', 'en']).optional().meta({
    description: 'The language of the plan PDFs and the package texts; else Accept-Language, Swedish by default.',
  }),
});
