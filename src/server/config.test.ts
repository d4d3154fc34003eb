import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  test('defaults: embedded database in ./data on port 3000', () => {
    expect(loadConfig({})).toEqual({ databaseUrl: undefined, dataDir: './data', port: 3000, host: '127.0.0.1' });
  });

  test('reads every variable; an empty one counts as unset', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@db:5432/uppsikt', DATA_DIR: '/var/lib/uppsikt', PORT: '8080', HOST: '0.0.0.0' });
    expect(config).toEqual({ databaseUrl: 'postgres://app@db:5432/uppsikt', dataDir: '/var/lib/uppsikt', port: 8080, host: '0.0.0.0' });
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  test('lists every problem at once, naming each variable', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://root@localhost/db', PORT: 'tretusen' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^DATABASE_URL: must be a PostgreSQL URL/);
    expect(problems[1]).toMatch(/^PORT: /);
  });

  test('a port out of range is refused', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
  });
});
