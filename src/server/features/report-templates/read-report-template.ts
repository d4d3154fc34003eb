import type { z } from 'zod';
import type { reportTemplateQuery } from '../../../domain/contracts/report-templates.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { presentReportTemplate } from './present.ts';
import { templateOfScope } from './template-scope.ts';

/**
 * The template of a scope: the tenant's, or a unit's with the tenant's beside it (which applies
 * while the unit has none). Whoever reads the unit reads its template; every signed-in person
 * reads the tenant's.
 */
export async function readReportTemplate(db: Database, access: Access, query: z.infer<typeof reportTemplateQuery>) {
  if (query.unit) access.assertRead(query.unit);
  const own = await templateOfScope(db, access, query.unit ?? null);
  const inherited = query.unit ? await templateOfScope(db, access, null) : null;
  return {
    template: own ? presentReportTemplate(own) : null,
    inherited: inherited ? presentReportTemplate(inherited) : null,
  };
}
