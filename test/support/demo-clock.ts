import { fixedClock } from '../../src/domain/clock.ts';
import { HARNESS_NOW } from './harness.ts';

/** The clock tests load the demo data with: the current-year demo plan is then a plan for 2026. */
export const demoClock = fixedClock(HARNESS_NOW);
