import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { Zip, ZipPassThrough, type ZipInputFile } from 'fflate';

const deflate = promisify(deflateRaw);

/** Where the ZIP's bytes go, in order; the promise lets a slow reader hold the writer back. */
export type ByteSink = (chunk: Uint8Array) => Promise<void>;

/**
 * A ZIP written as it is made (fflate's streaming Zip): each file is compressed and handed to
 * the sink before the next is made, so a package of any number of files needs the memory of one.
 * Files that are compressed already (PDF, DOCX, XLSX) are stored as they are; the others are
 * deflated by Node's zlib, natively and off the server's thread, and handed to the ZIP as
 * deflated entries with the checksum of their content.
 */
export class ZipWriter {
  private readonly zip: Zip;
  private pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private ended = false;

  constructor(
    private readonly sink: ByteSink,
    private readonly modified: Date,
  ) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure = error;
      else this.pending.push(chunk);
      if (final) this.ended = true;
    });
  }

  /** Adds one file and passes its bytes on. */
  async add(path: string, bytes: Uint8Array, compress: boolean): Promise<void> {
    if (compress) {
      const deflated = await deflate(bytes, { level: 6 });
      // ZIP's method 8 (deflate), APPNOTE 4.4.5; size and CRC-32 are those of the content.
      const file: ZipInputFile = {
        filename: path,
        size: bytes.length,
        crc: crc32(bytes),
        compression: 8,
        mtime: this.modified,
      };
      this.zip.add(file);
      file.ondata!(null, deflated, true);
    } else {
      const file = new ZipPassThrough(path);
      file.mtime = this.modified;
      this.zip.add(file);
      file.push(bytes, true);
    }
    await this.flush();
  }

  /** Writes the central directory. */
  async finish(): Promise<void> {
    this.zip.end();
    await this.flush();
    if (!this.ended) throw new Error('The ZIP did not end.');
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunks = this.pending;
    this.pending = [];
    for (const chunk of chunks) await this.sink(chunk);
  }
}
