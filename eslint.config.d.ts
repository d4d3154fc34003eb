// Types of eslint.config.js for the TypeScript code that imports it (test/architecture.test.ts).
import type { Linter } from 'eslint';

export const architecture: Linter.Config;
declare const config: Linter.Config[];
export default config;
