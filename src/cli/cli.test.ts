import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { packageRoot } from '../server/paths.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'uppsikt-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs the CLI from source, as `uppsikt …` would, on the embedded database in a temporary folder. */
function uppsikt(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: packageRoot,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

// Each command is a process of its own that compiles the sources and opens the embedded
// database from disk: on a busy machine that takes minutes, not seconds.
const PROCESS_TIMEOUT = 240_000;

async function serveUntilReady(port: number) {
  const run = uppsikt(['serve', '--demo'], { PORT: String(port) });
  for (let waited = 0; !run.output().includes('Uppsikt is running at'); waited += 100) {
    if (waited > PROCESS_TIMEOUT || run.child.exitCode !== null)
      throw new Error(`the server did not start:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return run;
}

describe('the uppsikt command', { timeout: PROCESS_TIMEOUT }, () => {
  test('serve --demo loads the demo data into an empty database, answers /api/health and prints the accounts', async () => {
    const port = await freePort();
    const run = await serveUntilReady(port);
    try {
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(run.output()).toContain('Demo data loaded.');
      expect(run.output()).toContain(`http://127.0.0.1:${port}`);
      expect(run.output()).toContain('admin@malmo.example');
      expect(run.output()).toContain('password "uppsikt-demo"');
    } finally {
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    }
  });

  test('a second start keeps the data and does not load it again; seed --demo is idempotent', async () => {
    const run = await serveUntilReady(await freePort());
    run.child.kill('SIGTERM');
    await run.exited;
    expect(run.output()).not.toContain('Demo data loaded.');
    const seed = uppsikt(['seed', '--demo']);
    expect(await seed.exited).toBe(0);
    expect(seed.output()).toContain('created nothing; already present malmo, exempelkommun-a, exempelkommun-b');
  });

  test('a wrong environment stops start-up with every problem listed', async () => {
    const run = uppsikt(['serve'], { DATABASE_URL: 'mysql://root@localhost/db', PORT: 'tretusen' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('DATABASE_URL: must be a PostgreSQL URL');
    expect(run.output()).toContain('PORT: ');
  });

  test('an unknown command or option shows the usage', async () => {
    const run = uppsikt(['fly']);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Unknown command "fly"');
    expect(run.output()).toContain('Usage: uppsikt <command>');
    const option = uppsikt(['serve', '--demos']);
    expect(await option.exited).toBe(1);
    expect(option.output()).toContain("Unknown option '--demos'");
    expect(option.output()).toContain('Usage: uppsikt <command>');
  });
});

describe('uppsikt report', { timeout: PROCESS_TIMEOUT }, () => {
  test('writes a seed report of the demo data to a file, and names what is wrong otherwise', async () => {
    const seed = uppsikt(['seed', '--demo']);
    expect(await seed.exited).toBe(0);
    const out = join(dataDir, 'kontroll.pdf');
    const run = uppsikt([
      'report',
      'control-follow-up',
      '--tenant',
      'exempelkommun-b',
      '--unit',
      'Utbildningsnämnden',
      '--period',
      '2020',
      '--format',
      'pdf',
      '--out',
      out,
    ]);
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toContain('Wrote "Kontroll uppföljning"');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');

    const unit = uppsikt([
      'report',
      'plan',
      '--tenant',
      'malmo',
      '--unit',
      'Skolnämnden',
      '--period',
      '2020',
      '--out',
      out,
    ]);
    expect(await unit.exited).toBe(1);
    expect(unit.output()).toContain('No unit "Skolnämnden" in malmo. Units: ');
    const kind = uppsikt(['report', 'budget', '--tenant', 'malmo', '--unit', 'Grundskolenämnden', '--period', '2020']);
    expect(await kind.exited).toBe(1);
    expect(kind.output()).toContain('the kind must be one of improvement-actions');
    expect(kind.output()).toContain('--out is missing');
    const text = uppsikt([
      'report',
      'activity-review',
      '--tenant',
      'malmo',
      '--unit',
      'Grundskolenämnden',
      '--period',
      '2020',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(await text.exited).toBe(1);
    expect(text.output()).toContain('has no XLSX form');
  });
});

describe('uppsikt tenant', { timeout: PROCESS_TIMEOUT }, () => {
  // A new installation of its own: no demo data, no tenant.
  const newInstallation = mkdtempSync(join(tmpdir(), 'uppsikt-cli-tenant-'));
  afterAll(() => rmSync(newInstallation, { recursive: true, force: true }));
  const tenantCommand = (args: string[]) =>
    uppsikt(['tenant', ...args], { DATA_DIR: newInstallation, PUBLIC_URL: 'https://uppsikt.example.se/' });

  test('a server started on an empty database without --demo prints the first run’s setup code', async () => {
    const run = uppsikt(['serve'], { DATA_DIR: newInstallation, PORT: String(await freePort()) });
    for (let waited = 0; !run.output().includes('setup code'); waited += 100) {
      if (waited > PROCESS_TIMEOUT || run.child.exitCode !== null) throw new Error(run.output());
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(
      /No organisation yet\. Open http:\/\/127\.0\.0\.1:\d+\/ and give the setup code [A-Z0-9]{5}(-[A-Z0-9]{5}){3} /,
    );
    expect(run.output()).not.toContain('Demo accounts');
  });

  test('create names what is wrong, then creates the organisation and prints the administrator’s link', async () => {
    const wrong = tenantCommand(['create', '--slug', 'Sydarkivera', '--name', 'Sydarkivera', '--kind', 'nämnd']);
    expect(await wrong.exited).toBe(1);
    expect(wrong.output()).toContain('--slug must be lower-case letters');
    expect(wrong.output()).toContain('--kind must be kommun, region or kommunalförbund');
    expect(wrong.output()).toContain('--admin-email is missing');
    expect(wrong.output()).toContain('Usage: uppsikt tenant');

    const args = [
      'create',
      '--slug',
      'sydarkivera',
      '--name',
      'Kommunalförbundet Sydarkivera',
      '--kind',
      'Kommunalförbund',
    ];
    const admin = ['--admin-email', 'it@sydarkivera.example.se', '--admin-name', 'Ingrid Tekniker'];
    const created = tenantCommand([...args, ...admin]);
    expect(await created.exited, created.output()).toBe(0);
    expect(created.output()).toContain('Created Kommunalförbundet Sydarkivera (sydarkivera, kommunalförbund).');
    expect(created.output()).toContain('Administrator: Ingrid Tekniker <it@sydarkivera.example.se>.');
    expect(created.output()).toMatch(/https:\/\/uppsikt\.example\.se\/valj-losenord#[\w-]{43}\n/);

    const again = tenantCommand([...args, ...admin]);
    expect(await again.exited).toBe(1);
    expect(again.output()).toContain('The short name "sydarkivera" is used by another organisation already.');
  });

  test('list shows the organisations; suspend and resume change their state', async () => {
    const listed = tenantCommand(['list']);
    expect(await listed.exited).toBe(0);
    expect(listed.output()).toMatch(/^slug\s+name\s+kind\s+units\s+accounts\s+state$/m);
    expect(listed.output()).toMatch(
      /^sydarkivera\s+Kommunalförbundet Sydarkivera\s+kommunalförbund\s+1\s+0\s+active$/m,
    );

    const suspended = tenantCommand(['suspend', '--slug', 'sydarkivera']);
    expect(await suspended.exited).toBe(0);
    expect(suspended.output()).toContain('sydarkivera is suspended');
    const whileSuspended = tenantCommand(['list']);
    expect(await whileSuspended.exited).toBe(0);
    expect(whileSuspended.output()).toMatch(/^sydarkivera .* suspended \d{4}-\d{2}-\d{2}$/m);
    const resumed = tenantCommand(['resume', '--slug', 'sydarkivera']);
    expect(await resumed.exited).toBe(0);
    expect(resumed.output()).toContain('sydarkivera is active again');
    const unknown = tenantCommand(['suspend', '--slug', 'finns-inte']);
    expect(await unknown.exited).toBe(1);
    expect(unknown.output()).toContain('No tenant has the slug "finns-inte".');
  });
});
