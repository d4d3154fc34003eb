import type * as S3 from '@aws-sdk/client-s3';
import type { ObjectStorageConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** Where the content of evidence files goes when it is not kept in the database. */
export interface ObjectStore {
  put(key: string, content: Uint8Array, contentType: string): Promise<void>;
  /** The content, streamed from the store. */
  get(key: string): Promise<ReadableStream<Uint8Array>>;
  /** Takes away an object no attachment points at (an upload whose transaction failed). */
  forget(key: string): Promise<void>;
}

/**
 * A failure of the store as the caller sees it: 503 saying the storage does not answer; what
 * failed goes to the server's log (the SDK's errors carry no credentials).
 */
function unavailable(doing: string) {
  return (error: unknown): never => {
    console.error(`Object storage: ${doing} failed:`, error);
    throw new AppError(
      'unavailable',
      localize((m) => m.attachments.objectStorageFailed),
    );
  };
}

/**
 * An S3-compatible store (AWS S3, MinIO, Ceph, a cloud provider's). The SDK is loaded the first
 * time a file is stored or read, so a server keeping files in the database never loads it.
 */
export function s3ObjectStore(config: ObjectStorageConfig): ObjectStore {
  let client: Promise<{ sdk: typeof S3; s3: S3.S3Client }> | null = null;
  const connect = () => {
    client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        region: config.region,
        forcePathStyle: config.forcePathStyle,
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        ...(config.accessKeyId && config.secretAccessKey
          ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
          : {}),
      }),
    }));
    return client;
  };
  return {
    async put(key, content, contentType) {
      const { sdk, s3 } = await connect();
      await s3
        .send(new sdk.PutObjectCommand({ Bucket: config.bucket, Key: key, Body: content, ContentType: contentType }))
        .catch(unavailable(`storing ${key} in bucket ${config.bucket}`));
    },
    async get(key) {
      const { sdk, s3 } = await connect();
      const answer = await s3
        .send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: key }))
        .catch(unavailable(`reading ${key} from bucket ${config.bucket}`));
      if (!answer.Body) return unavailable(`reading ${key} from bucket ${config.bucket}`)(new Error('no content'));
      return answer.Body.transformToWebStream() as ReadableStream<Uint8Array>;
    },
    async forget(key) {
      const { sdk, s3 } = await connect();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: key }));
    },
  };
}
