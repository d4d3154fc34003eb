import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { packageRoot } from '../../src/server/paths.ts';

/**
 * The moment the browser journeys' server clock starts at (CLOCK_START): the demo data's current
 * year and what is due or overdue are the same whatever the real day is.
 */
export const E2E_CLOCK_START = '2026-11-30T09:00:00Z';

export interface RunningServer {
  url: string;
  /** What the server has written to its log (stdout and stderr) so far. */
  log(): string;
  stop(): Promise<void>;
}

/** A free port on loopback, asked of the operating system. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the built server (`npm run build` first) with the demo data in a process of its own,
 * as a user would run it, and waits until it answers. `env` chooses the database; with
 * `demo: false` an empty database stays empty, as a new installation's does.
 */
export async function startBuiltServer(
  env: Record<string, string>,
  { demo = true }: { demo?: boolean } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ['bin/uppsikt.js', 'serve', ...(demo ? ['--demo'] : [])], {
    cwd: packageRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output.join('')}`);
    if (performance.now() - started > 120_000)
      throw new Error(`the server did not answer within 120 s:\n${output.join('')}`);
    if (
      await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    log: () => output.join(''),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
