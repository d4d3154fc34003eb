// Latency of the API under load: GET /api/v1/plans/{id}/overview of the largest demo plan (all its
// risks, controls, actions and newest follow-ups) beside the bare JSON route /api/health/live of
// the same server, with 50 concurrent clients on loopback. Runs the built server (`bin/uppsikt.js`)
// in its own process, once on embedded PGlite and once on PostgreSQL (DATABASE_URL, or the local
// server at 127.0.0.1:5432 when it answers). Run with `npm run bench:api`; it prints the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startBuiltServer } from '../e2e/support/server.ts';

const CLIENTS = 50;
const WARM_UP = 200;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const DEMO_ACCOUNT = { email: 'admin@exempelkommun-b.example', password: 'uppsikt-demo' };

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_ACCOUNT),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** The internal-control plan with the most risks, controls and actions. */
async function largestPlan(
  url: string,
  cookie: string,
): Promise<{ id: string; title: string; size: string; bytes: number }> {
  const list = (await (
    await fetch(`${url}/api/v1/plans?kind=internal_control&limit=500`, { headers: { cookie } })
  ).json()) as { items: { id: string; title: string }[] };
  let best = { id: '', title: '', size: '', bytes: 0, count: -1 };
  for (const plan of list.items) {
    const text = await (await fetch(`${url}/api/v1/plans/${plan.id}/overview`, { headers: { cookie } })).text();
    const overview = JSON.parse(text) as {
      risks: { controls: unknown[]; actions: unknown[] }[];
      actionsWithoutRisk: unknown[];
    };
    const controls = overview.risks.reduce((sum, risk) => sum + risk.controls.length, 0);
    const actions =
      overview.risks.reduce((sum, risk) => sum + risk.actions.length, 0) + overview.actionsWithoutRisk.length;
    const count = overview.risks.length + controls + actions;
    if (count > best.count)
      best = {
        id: plan.id,
        title: plan.title,
        size: `${overview.risks.length} risks, ${controls} controls, ${actions} actions`,
        bytes: text.length,
        count,
      };
  }
  return best;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `total` GETs spread over `clients` concurrent clients; returns the latency figures. */
async function load(url: string, headers: Record<string, string>, total: number, clients = CLIENTS) {
  const latencies: number[] = [];
  let issued = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < total) {
        issued++;
        const begin = performance.now();
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        latencies.push(performance.now() - begin);
        if (!response.ok) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: total / seconds,
    failures,
  };
}

async function measure(label: string, env: Record<string, string>, cleanup: () => Promise<void>) {
  const server = await startBuiltServer(env);
  try {
    const cookie = await signIn(server.url);
    const plan = await largestPlan(server.url, cookie);
    const overviewUrl = `${server.url}/api/v1/plans/${plan.id}/overview`;
    const bareUrl = `${server.url}/api/health/live`;
    await load(bareUrl, {}, WARM_UP);
    await load(overviewUrl, { cookie }, WARM_UP);
    const bare = await load(bareUrl, {}, REQUESTS);
    const overview = await load(overviewUrl, { cookie }, REQUESTS);
    // One client alone shows the latency of a request without queueing behind others.
    const bareAlone = await load(bareUrl, {}, 500, 1);
    const overviewAlone = await load(overviewUrl, { cookie }, 500, 1);
    console.log(`\n${label}: "${plan.title}" (${plan.size}; ${(plan.bytes / 1024).toFixed(1)} KiB of JSON)`);
    console.log('  route                              clients  requests   p50 ms   p95 ms   p99 ms   req/s   failed');
    const rows = [
      ['GET /api/health/live (bare JSON)', CLIENTS, REQUESTS, bare],
      ['GET /api/v1/plans/{id}/overview', CLIENTS, REQUESTS, overview],
      ['GET /api/health/live (bare JSON)', 1, 500, bareAlone],
      ['GET /api/v1/plans/{id}/overview', 1, 500, overviewAlone],
    ] as const;
    for (const [name, clients, requests, figures] of rows) {
      console.log(
        `  ${name.padEnd(34)} ${String(clients).padStart(7)}  ${String(requests).padStart(8)}   ${figures.p50.toFixed(1).padStart(6)}   ${figures.p95.toFixed(1).padStart(6)}   ${figures.p99.toFixed(1).padStart(6)}   ${figures.perSecond.toFixed(0).padStart(5)}   ${figures.failures}`,
      );
    }
  } finally {
    await server.stop();
    await cleanup();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'uppsikt-bench-api-'));
await measure('PGlite (embedded)', { DATABASE_URL: '', DATA_DIR: dataDir }, () =>
  Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
);

const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = new pg.Client({ connectionString: serverUrl });
const reachable = await admin.connect().then(
  () => true,
  () => false,
);
if (!reachable) {
  console.log(`\nPostgreSQL: not reachable at ${serverUrl}; skipped.`);
} else {
  const name = `uppsikt_bench_${Date.now()}`;
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await measure('PostgreSQL', { DATABASE_URL: url.toString() }, async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
}
