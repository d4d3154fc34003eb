import { apiPath, ApiError, type Problem } from '../lib/api.ts';

export interface AnnualArchiveProgress {
  /** Bytes received so far. */
  bytes: number;
  /** How many files the server makes (X-Archive-Steps), when it says. */
  steps: number | null;
}

/**
 * Fetches the årsarkiv ZIP of a unit (or, without unit, of the whole tenant) and year, telling
 * how much has arrived as it streams in. Rejects with the server's problem (400, 403, 404).
 */
export async function fetchAnnualArchive(
  query: { unit?: string | undefined; year: string; lang: 'sv' | 'en' },
  onProgress: (progress: AnnualArchiveProgress) => void,
  signal?: AbortSignal,
): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(apiPath('/archives', query), { credentials: 'same-origin', signal });
  if (!response.ok) throw new ApiError((await response.json()) as Problem);
  const steps = Number(response.headers.get('x-archive-steps')) || null;
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'arsarkiv.zip';
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  onProgress({ bytes, steps });
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.length;
    onProgress({ bytes, steps });
  }
  return { blob: new Blob(chunks, { type: 'application/zip' }), fileName };
}
