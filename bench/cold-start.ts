// Measures how long `uppsikt serve --demo` takes until /api/health answers: first on an empty
// data folder (create the embedded database, migrate, load the demo data), then again on the
// same folder. Run with `npm run bench:start`; it builds first and prints the figures.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = 3900 + Math.floor(Math.random() * 90);
const dataDir = mkdtempSync(join(tmpdir(), 'uppsikt-bench-'));

async function timeToHealthy(label: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/uppsikt.js', 'serve', '--demo'], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${label}: the server exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error(`${label}: no answer within 120 s`);
      const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

try {
  const first = await timeToHealthy('first start');
  const second = await timeToHealthy('second start');
  console.log(`first start (empty data folder, migrations + demo data): ${(first / 1000).toFixed(2)} s`);
  console.log(`second start (existing data folder):                     ${(second / 1000).toFixed(2)} s`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
