import { z } from 'zod';

/** One step of a scale: its number, its name and what it means. */
export const riskLevelSchema = z.strictObject({
  value: z.number().int().min(1).max(10),
  label: z.string().min(1).max(80),
  description: z.string().max(1000).default(''),
});
export type RiskLevel = z.infer<typeof riskLevelSchema>;

/** A colour band of the matrix: every riskvärde from `min` to `max` inclusive. */
export const riskBandSchema = z.strictObject({
  min: z.number().int().min(1),
  max: z.number().int().min(1),
  label: z.string().min(1).max(80),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb'),
});
export type RiskBand = z.infer<typeof riskBandSchema>;

/**
 * A tenant's risk matrix for a year: the sannolikhet and konsekvens scales and the colour
 * bands over riskvärde = sannolikhet × konsekvens. Bands must cover every product exactly once.
 */
export const riskMatrixConfigShape = {
  likelihoodLevels: z.array(riskLevelSchema).min(2).max(10),
  consequenceLevels: z.array(riskLevelSchema).min(2).max(10),
  bands: z.array(riskBandSchema).min(1).max(10),
};

/**
 * The rules across a matrix's fields: levels numbered 1, 2, 3 … and bands that cover every
 * possible riskvärde exactly once. Messages in Swedish and English (issue params).
 */
export function checkRiskMatrix(
  config: { likelihoodLevels: RiskLevel[]; consequenceLevels: RiskLevel[]; bands: RiskBand[] },
  ctx: z.RefinementCtx,
): void {
  for (const key of ['likelihoodLevels', 'consequenceLevels'] as const) {
    config[key].forEach((level, index) => {
      if (level.value !== index + 1) {
        ctx.addIssue({
          code: 'custom',
          path: [key, index, 'value'],
          message: `levels must be numbered 1, 2, 3 … in order; expected ${index + 1}`,
          params: {
            sv: `Nivåerna numreras 1, 2, 3 … i ordning; här ska det stå ${index + 1}.`,
            en: `Levels are numbered 1, 2, 3 … in order; expected ${index + 1}.`,
          },
        });
      }
    });
  }
  const products = new Set<number>();
  for (let l = 1; l <= config.likelihoodLevels.length; l++) {
    for (let c = 1; c <= config.consequenceLevels.length; c++) products.add(l * c);
  }
  for (const product of products) {
    const covering = config.bands.filter((band) => band.min <= product && product <= band.max);
    if (covering.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands'],
        message: `riskvärde ${product} must fall in exactly one band, found ${covering.length}`,
        params: {
          sv: `Riskvärde ${product} ska ligga i exakt ett färgband, men ligger i ${covering.length}.`,
          en: `Risk value ${product} must fall in exactly one band, but falls in ${covering.length}.`,
        },
      });
    }
  }
}

export const riskMatrixConfigSchema = z.object(riskMatrixConfigShape).superRefine(checkRiskMatrix);
export type RiskMatrixConfig = z.infer<typeof riskMatrixConfigSchema>;

/** riskvärde: sannolikhet × konsekvens; null until both are assessed. */
export function riskValue(likelihood: number | null, consequence: number | null): number | null {
  return likelihood === null || consequence === null ? null : likelihood * consequence;
}

/** The colour band a riskvärde falls in, or null when it is not assessed. */
export function riskBandFor(config: RiskMatrixConfig, value: number | null): RiskBand | null {
  if (value === null) return null;
  return config.bands.find((band) => band.min <= value && value <= band.max) ?? null;
}

/**
 * The common Swedish 4×4 model: four steps of sannolikhet and konsekvens and four bands.
 * Colours are chosen so that dark text on them meets WCAG AA contrast.
 */
export const DEFAULT_RISK_MATRIX: RiskMatrixConfig = {
  likelihoodLevels: [
    { value: 1, label: 'Osannolik', description: 'Risken är i det närmaste obefintlig att fel ska uppstå.' },
    { value: 2, label: 'Mindre sannolik', description: 'Risken är mycket liten att fel ska uppstå.' },
    { value: 3, label: 'Möjlig', description: 'Det finns en möjlig risk att fel ska uppstå.' },
    { value: 4, label: 'Sannolik', description: 'Det är mycket troligt att fel kommer att uppstå.' },
  ],
  consequenceLevels: [
    { value: 1, label: 'Försumbar', description: 'Obetydlig för medborgare, ekonomi och förtroende.' },
    { value: 2, label: 'Lindrig', description: 'Liten för medborgare, ekonomi och förtroende.' },
    { value: 3, label: 'Kännbar', description: 'Märkbar för medborgare, ekonomi och förtroende.' },
    { value: 4, label: 'Allvarlig', description: 'Stor för medborgare, ekonomi och förtroende.' },
  ],
  bands: [
    { min: 1, max: 3, label: 'Låg', colour: '#86efac' },
    { min: 4, max: 6, label: 'Måttlig', colour: '#fde047' },
    { min: 7, max: 9, label: 'Hög', colour: '#fdba74' },
    { min: 10, max: 16, label: 'Mycket hög', colour: '#fca5a5' },
  ],
};
