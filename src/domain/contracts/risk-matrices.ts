import { z } from 'zod';
import { checkRiskMatrix, riskBandSchema, riskLevelSchema, riskMatrixConfigShape } from '../risk-matrix.ts';
import { editableFields, id, year } from './common.ts';

/** A version of the tenant's risk matrix, valid from a year until the next version. */
export const riskMatrix = z
  .object({
    id,
    validFromYear: z.int(),
    likelihoodLevels: z.array(riskLevelSchema).meta({ description: 'Sannolikhet 1 … n, with names and descriptions.' }),
    consequenceLevels: z.array(riskLevelSchema).meta({ description: 'Konsekvens 1 … n.' }),
    bands: z
      .array(riskBandSchema)
      .meta({ description: 'Colour bands over riskvärde, covering every value exactly once.' }),
    ...editableFields,
  })
  .meta({ id: 'RiskMatrix' });

export const riskMatrixCreate = z
  .strictObject({ validFromYear: year, ...riskMatrixConfigShape })
  .superRefine(checkRiskMatrix)
  .meta({ id: 'RiskMatrixCreate' });

/** A change replaces the whole configuration: levels and bands are only valid together. */
export const riskMatrixUpdate = z
  .strictObject({ version: z.int().min(1).optional(), ...riskMatrixConfigShape })
  .superRefine(checkRiskMatrix)
  .meta({ id: 'RiskMatrixUpdate' });

export const riskMatrixListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
