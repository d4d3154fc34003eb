import { pgTable, jsonb, smallint, primaryKey, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { RiskBand, RiskLevel } from '../../../domain/risk-matrix.ts';
import { editable, tenantKey } from './columns.ts';

/**
 * A tenant's risk-matrix configuration, versioned by year: the configuration valid from
 * `validFromYear` until the next one. An adopted plan refers to the one it used.
 * Levels and bands are edited as a whole and validated by `riskMatrixConfigSchema`.
 */
export const riskMatrices = pgTable(
  'risk_matrices',
  {
    ...tenantKey(),
    validFromYear: smallint().notNull(),
    likelihoodLevels: jsonb().$type<RiskLevel[]>().notNull(),
    consequenceLevels: jsonb().$type<RiskLevel[]>().notNull(),
    bands: jsonb().$type<RiskBand[]>().notNull(),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('risk_matrices_year_key').on(t.tenantId, t.validFromYear),
    check(
      'risk_matrices_levels_are_arrays',
      sql`jsonb_typeof(${t.likelihoodLevels}) = 'array' and jsonb_typeof(${t.consequenceLevels}) = 'array' and jsonb_typeof(${t.bands}) = 'array'`,
    ),
  ],
);
