import {
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantKey, tenantReference } from './columns.ts';
import { orgUnits } from './org-units.ts';
import { plans } from './plans.ts';
import { users } from './users.ts';

/**
 * A frozen version of a plan. Revision 1 is the plan as the nämnd adopted it (beslutad);
 * later revisions record the plan as changed after adoption, each with its reason. The snapshot
 * holds the plan's content and the risk-matrix version it used, and `sha256` is the hash of the
 * snapshot's canonical JSON. A trigger refuses every UPDATE and DELETE.
 */
export const planVersions = pgTable(
  'plan_versions',
  {
    ...tenantKey(),
    planId: uuid().notNull(),
    revision: smallint().notNull(),
    /** Why the plan was revised; null for the adopted version. */
    reason: text(),
    /** The decision that adopted this version or revision: body, date, §, diarienummer, valid from. */
    decisionUnitId: uuid(),
    decisionDate: date({ mode: 'string' }),
    decisionParagraph: text(),
    diarienummer: text(),
    validFrom: date({ mode: 'string' }),
    snapshot: jsonb().notNull(),
    sha256: text().notNull(),
    /** Null when the system froze it (the demo data of an already adopted plan). */
    createdById: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('plan_versions_plan_fk', t, t.planId, plans),
    tenantReference('plan_versions_created_by_fk', t, t.createdById, users),
    tenantReference('plan_versions_decision_unit_fk', t, t.decisionUnitId, orgUnits),
    uniqueIndex('plan_versions_revision_key').on(t.tenantId, t.planId, t.revision),
    index('plan_versions_plan_idx').on(t.tenantId, t.planId),
  ],
);
