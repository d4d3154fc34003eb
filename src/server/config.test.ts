import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  test('defaults: embedded database in ./data on port 3000', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: undefined,
      dataDir: './data',
      port: 3000,
      host: '127.0.0.1',
      smtpUrl: undefined,
      mailFrom: 'Uppsikt <uppsikt@localhost>',
      reminderLeadDays: [7, 28],
      jobIntervalSeconds: 60,
      trustProxy: 0,
      frameAncestors: "'none'",
      sessionIdleMinutes: 480,
      sessionMaxHours: 168,
      signInLimitPerAddress: 100,
      importMaxBytes: 25 * 1024 * 1024,
      attachmentMaxBytes: 25 * 1024 * 1024,
      objectStorage: undefined,
      publicUrl: 'http://127.0.0.1:3000',
    });
  });

  test('IMPORT_MAX_MB: the largest file a plan import takes', () => {
    expect(loadConfig({ IMPORT_MAX_MB: '50' }).importMaxBytes).toBe(50 * 1024 * 1024);
    expect(() => loadConfig({ IMPORT_MAX_MB: '0' })).toThrow(/IMPORT_MAX_MB/);
    expect(() => loadConfig({ IMPORT_MAX_MB: 'många' })).toThrow(/IMPORT_MAX_MB: must be a number/);
  });

  test('CLOCK_START: the moment a demonstration’s or browser test’s clock starts at; unset, the real clock', () => {
    expect(loadConfig({}).clockStart).toBeUndefined();
    expect(loadConfig({ CLOCK_START: '2026-11-30T09:00:00Z' }).clockStart?.toISOString()).toBe(
      '2026-11-30T09:00:00.000Z',
    );
    expect(loadConfig({ CLOCK_START: '2026-11-30T10:00+01:00' }).clockStart?.toISOString()).toBe(
      '2026-11-30T09:00:00.000Z',
    );
    expect(() => loadConfig({ CLOCK_START: '30 november' })).toThrow(/CLOCK_START: must be a moment/);
    expect(() => loadConfig({ CLOCK_START: '2026-13-45T09:00:00Z' })).toThrow(/CLOCK_START: must be a moment/);
  });

  test('ATTACHMENT_MAX_MB: the largest evidence file one may upload', () => {
    expect(loadConfig({ ATTACHMENT_MAX_MB: '100' }).attachmentMaxBytes).toBe(100 * 1024 * 1024);
    expect(() => loadConfig({ ATTACHMENT_MAX_MB: '0' })).toThrow(/ATTACHMENT_MAX_MB/);
    expect(() => loadConfig({ ATTACHMENT_MAX_MB: 'stor' })).toThrow(/ATTACHMENT_MAX_MB: must be a number/);
  });

  test('S3_*: object storage for evidence files, turned on by the bucket; no problem prints a secret', () => {
    expect(
      loadConfig({
        S3_ENDPOINT: 'https://s3.kommun.se/',
        S3_REGION: 'eu-north-1',
        S3_BUCKET: 'uppsikt-underlag',
        S3_ACCESS_KEY_ID: 'nyckel',
        S3_SECRET_ACCESS_KEY: 'hemlig-nyckel',
        S3_FORCE_PATH_STYLE: 'TRUE',
      }).objectStorage,
    ).toEqual({
      endpoint: 'https://s3.kommun.se',
      region: 'eu-north-1',
      bucket: 'uppsikt-underlag',
      accessKeyId: 'nyckel',
      secretAccessKey: 'hemlig-nyckel',
      forcePathStyle: true,
    });
    expect(loadConfig({ S3_BUCKET: 'underlag' }).objectStorage).toEqual({
      endpoint: undefined,
      region: 'us-east-1',
      bucket: 'underlag',
      accessKeyId: undefined,
      secretAccessKey: undefined,
      forcePathStyle: false,
    });
    expect(() => loadConfig({ S3_ENDPOINT: 'https://s3.kommun.se' })).toThrow(/S3_ENDPOINT: needs S3_BUCKET/);
    expect(() => loadConfig({ S3_BUCKET: 'underlag', S3_SECRET_ACCESS_KEY: 'hemlig-nyckel' })).toThrow(
      /S3_ACCESS_KEY_ID: must be set together with S3_SECRET_ACCESS_KEY/,
    );
    for (const env of [
      { S3_BUCKET: 'Underlag_2026' },
      { S3_BUCKET: 'underlag', S3_ENDPOINT: 'https://nyckel:hemlig-nyckel@s3.kommun.se' },
      { S3_BUCKET: 'underlag', S3_FORCE_PATH_STYLE: 'ja' },
    ]) {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).not.toContain('hemlig');
    }
  });

  test('PUBLIC_URL: the address links start with; by default the server’s own, reachable from a browser', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://uppsikt.kommun.se/' }).publicUrl).toBe('https://uppsikt.kommun.se');
    expect(loadConfig({ PUBLIC_URL: 'https://intra.kommun.se/uppsikt' }).publicUrl).toBe(
      'https://intra.kommun.se/uppsikt',
    );
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://127.0.0.1:8080');
    expect(loadConfig({ HOST: '0.0.0.0' }).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ HOST: '::' }).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ HOST: '::1' }).publicUrl).toBe('http://[::1]:3000');
    expect(loadConfig({ HOST: 'uppsikt.local' }).publicUrl).toBe('http://uppsikt.local:3000');
    for (const wrong of ['uppsikt.kommun.se', 'ftp://kommun.se', 'https://kommun.se/?a=1', 'https:// kommun.se'])
      expect(() => loadConfig({ PUBLIC_URL: wrong }), wrong).toThrow(/PUBLIC_URL: must be an address/);
  });

  test('sign-in and sessions: the proxies trusted for X-Forwarded-For, session lifetimes, the per-address limit', () => {
    expect(
      loadConfig({
        TRUST_PROXY: 'true',
        SESSION_IDLE_MINUTES: '60',
        SESSION_MAX_HOURS: '24',
        SIGN_IN_LIMIT_PER_ADDRESS: '500',
      }),
    ).toMatchObject({
      trustProxy: 1,
      sessionIdleMinutes: 60,
      sessionMaxHours: 24,
      signInLimitPerAddress: 500,
    });
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'FALSE' }).trustProxy).toBe(0);
    expect(() => loadConfig({ TRUST_PROXY: 'ja' })).toThrow(/TRUST_PROXY: must be false, true/);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '600', SESSION_MAX_HOURS: '8' })).toThrow(
      /SESSION_IDLE_MINUTES: must not be longer than SESSION_MAX_HOURS/,
    );
  });

  test('embedding and the proxy: FRAME_ANCESTORS lists who may frame Uppsikt, TRUST_PROXY believes X-Forwarded-Proto', () => {
    expect(
      loadConfig({ FRAME_ANCESTORS: 'self https://intranat.kommun.se https://*.kommun.se:8443' }).frameAncestors,
    ).toBe("'self' https://intranat.kommun.se https://*.kommun.se:8443");
    expect(loadConfig({ FRAME_ANCESTORS: "'none'" }).frameAncestors).toBe("'none'");
    for (const env of [
      { FRAME_ANCESTORS: 'https://a.se; script-src *' },
      { FRAME_ANCESTORS: 'none https://a.se' },
      { FRAME_ANCESTORS: '*' },
      { TRUST_PROXY: 'kanske' },
    ]) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
    }
  });

  test('reads every variable; an empty one counts as unset', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@db:5432/uppsikt',
      DATA_DIR: '/var/lib/uppsikt',
      PORT: '8080',
      HOST: '0.0.0.0',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://app@db:5432/uppsikt',
      dataDir: '/var/lib/uppsikt',
      port: 8080,
      host: '0.0.0.0',
    });
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

  test('mail and reminders: SMTP, sender, lead times and the job interval', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtp://uppsikt:hemligt@mail.kommun.se:587',
        MAIL_FROM: 'Intern kontroll <ik@kommun.se>',
        REMINDER_LEAD_DAYS: '7, 28,14',
        JOB_INTERVAL_SECONDS: '0',
      }),
    ).toMatchObject({
      smtpUrl: 'smtp://uppsikt:hemligt@mail.kommun.se:587',
      mailFrom: 'Intern kontroll <ik@kommun.se>',
      reminderLeadDays: [7, 14, 28],
      jobIntervalSeconds: 0,
    });
    expect(() => loadConfig({ SMTP_URL: 'mail.kommun.se', REMINDER_LEAD_DAYS: 'en vecka' })).toThrow(
      /SMTP_URL: must be an SMTP URL[\s\S]*REMINDER_LEAD_DAYS: must be days/,
    );
  });

  test('a port out of range is refused', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
  });
});
