import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { ObjectStorageConfig } from '../../src/server/config.ts';

/**
 * A real S3-compatible server on the loopback address (s3rver, objects in a temporary folder),
 * with one bucket; `config` is what the server is configured with to use it.
 */
export async function startS3Server(bucket = 'uppsikt-underlag') {
  const directory = await mkdtemp(join(tmpdir(), 'uppsikt-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const config: ObjectStorageConfig = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-north-1',
    bucket,
    // s3rver's own fixed pair.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    config,
    /** Where an object's bytes are kept on disk, to see that it is there. */
    directory,
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
