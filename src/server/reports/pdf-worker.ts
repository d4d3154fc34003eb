import { parentPort } from 'node:worker_threads';
import type { ReportDocument } from './document.ts';
import { renderPdf, type PdfOptions } from './render-pdf.ts';

// A worker thread that typesets PDFs (pdf-render-pool.ts sends the documents). Typst holds the
// thread for the whole compilation, so running it here keeps the server's own thread free for
// requests; each worker loads the fonts once and keeps its compiler.

export interface PdfJob {
  id: number;
  document: ReportDocument;
  options: PdfOptions;
}

export type PdfJobResult = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; message: string };

parentPort?.on('message', (job: PdfJob) => {
  let result: PdfJobResult;
  try {
    const logo = job.document.letterhead?.logo;
    // A Buffer arrives as a plain Uint8Array; the renderer hashes and maps it as a Buffer.
    const document: ReportDocument = logo
      ? {
          ...job.document,
          letterhead: { ...job.document.letterhead!, logo: { ...logo, bytes: Buffer.from(logo.bytes) } },
        }
      : job.document;
    // A copy the worker owns, so it can be handed over without copying again (the compiler's own
    // buffer may belong to a pool or to native memory, which cannot be transferred).
    const pdf = new Uint8Array(renderPdf(document, job.options));
    result = { id: job.id, ok: true, pdf };
  } catch (error) {
    result = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(result, result.ok ? [result.pdf.buffer as ArrayBuffer] : []);
});
