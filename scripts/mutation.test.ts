import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

// The mutation script's own reports, run as a developer runs them (no Stryker run is started).

const script = path.join(import.meta.dirname, 'mutation.mjs');
const run = (...args: string[]) =>
  execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', script, ...args], { encoding: 'utf8' });

describe('npm run test:mutation', () => {
  test('--scores: every configured module with its score, each file, and the list of undetected mutants', () => {
    const output = run('--scores');
    for (const module of [
      'domain rules',
      'access and roles',
      'authentication and sessions',
      'audit',
      'HTTP contract',
      'plan items',
      'jobs and outbox',
      'plan model',
      'report builders',
    ]) {
      expect(output).toMatch(new RegExp(`^${module}: (\\d+\\.\\d %|–) \\(\\d+ detected, \\d+ not\\)`, 'm'));
    }
    expect(output).toMatch(/^ {2}src\/server\/access\/access\.ts: \d+\.\d % \(\d+ detected, \d+ not\)$/m);
    // Test files and what only serves the tests are never listed.
    expect(output).not.toMatch(/\.test\.ts|test\/support/);
    expect(output).toMatch(/^(No recorded mutant survived\.|Survived or not covered \(\d+\):)$/m);
  });

  test('--list: the configured files a run would mutate, within the set, never a test', () => {
    const all = run('--list').trim().split('\n');
    expect(all).toContain('src/server/errors.ts');
    expect(all).toContain('src/server/plan-model/plan-facts.ts');
    expect(all.some((file) => file.endsWith('.test.ts') || file.includes('render-'))).toBe(false);
    expect(
      run('--mutate', 'src/domain/*.ts', '--list')
        .trim()
        .split('\n')
        .every((file) => file.startsWith('src/domain/')),
    ).toBe(true);
  });
});
