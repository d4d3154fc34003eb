import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReportDocument } from './document.ts';
import type { PdfJob, PdfJobResult } from './pdf-worker.ts';
import type { PdfOptions } from './render-pdf.ts';

// PDFs are typeset in worker threads, never on the server's own thread: a large report takes
// Typst a second or more of uninterrupted work, during which the thread could answer no other
// request. The workers start when the first PDF is asked for and are unreferenced, so an idle
// pool keeps no process alive. Jobs go to the worker with the fewest in hand; a worker that
// fails rejects what it had and is replaced by the next job.

/** As many workers as the machine has cores beside the server's thread, at least one and at most four. */
export const PDF_WORKERS = Math.max(1, Math.min(4, availableParallelism() - 1));

/**
 * The worker: the built script next to the bundle (`dist/pdf-worker.js`, see scripts/build.mjs);
 * when running from the sources (tests, `npm run dev`), the TypeScript module next to this one,
 * loaded after registering tsx in the worker as the rest of the sources are loaded.
 */
function newWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./pdf-worker.js', import.meta.url));
  const source = new URL('./pdf-worker.ts', import.meta.url).href;
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    { eval: true },
  );
}

interface PooledWorker {
  worker: Worker;
  pending: Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>;
}

const workers: PooledWorker[] = [];
let nextJobId = 1;

function startWorker(): PooledWorker {
  const pooled: PooledWorker = {
    worker: newWorker(),
    pending: new Map(),
  };
  pooled.worker.unref();
  pooled.worker.on('message', (result: PdfJobResult) => {
    const job = pooled.pending.get(result.id);
    if (!job) return;
    pooled.pending.delete(result.id);
    if (pooled.pending.size === 0) pooled.worker.unref();
    if (result.ok) job.resolve(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength));
    else job.reject(new Error(result.message));
  });
  const fail = (error: Error) => {
    const index = workers.indexOf(pooled);
    if (index >= 0) workers.splice(index, 1);
    for (const job of pooled.pending.values()) job.reject(error);
    pooled.pending.clear();
  };
  pooled.worker.on('error', fail);
  pooled.worker.on('exit', (code) => fail(new Error(`The PDF worker stopped (exit code ${code}).`)));
  return pooled;
}

/** The worker to give the next job: a new one while the pool is not full, else the least busy. */
function chooseWorker(): PooledWorker {
  const idle = workers.find((pooled) => pooled.pending.size === 0);
  if (idle) return idle;
  if (workers.length < PDF_WORKERS) {
    const started = startWorker();
    workers.push(started);
    return started;
  }
  return workers.reduce((least, pooled) => (pooled.pending.size < least.pending.size ? pooled : least));
}

/** The report as PDF, typeset in a worker thread (see render-pdf.ts for what the PDF is). */
export function renderPdfOffThread(document: ReportDocument, options: PdfOptions = {}): Promise<Buffer> {
  const pooled = chooseWorker();
  const id = nextJobId++;
  return new Promise<Buffer>((resolve, reject) => {
    pooled.pending.set(id, { resolve, reject });
    // A worker with work in hand keeps the process alive until the work is done.
    pooled.worker.ref();
    const job: PdfJob = { id, document, options };
    pooled.worker.postMessage(job);
  });
}
