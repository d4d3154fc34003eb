import { describe, expect, test } from 'vitest';
import { DEVIATION_SEVERITIES, DEVIATION_SEVERITY_LABELS } from './deviation.ts';

describe('how serious a deviation is', () => {
  test('named as municipalities grade it, in Swedish and English, from the least to the most serious', () => {
    expect(DEVIATION_SEVERITIES.map((severity) => DEVIATION_SEVERITY_LABELS[severity])).toEqual([
      { sv: 'Mindre väsentlig', en: 'Minor' },
      { sv: 'Väsentlig', en: 'Significant' },
      { sv: 'Mycket väsentlig', en: 'Very significant' },
    ]);
  });
});
