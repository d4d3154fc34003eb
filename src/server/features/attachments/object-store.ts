import type * as S3 from '@aws-sdk/client-s3';
import type { ObjectStorageConfig } from '../../config.ts';

/** Where the content of evidence files goes when it is not kept in the database. */
export interface ObjectStore {
  put(key: string, content: Uint8Array, contentType: string): Promise<void>;
  /** The content, streamed from the store. */
  get(key: string): Promise<ReadableStream<Uint8Array>>;
  /** Takes away an object no attachment points at (an upload whose transaction failed). */
  forget(key: string): Promise<void>;
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
      await s3.send(
        new sdk.PutObjectCommand({ Bucket: config.bucket, Key: key, Body: content, ContentType: contentType }),
      );
    },
    async get(key) {
      const { sdk, s3 } = await connect();
      const answer = await s3.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: key }));
      if (!answer.Body) throw new Error(`The object storage has no content for ${key}.`);
      return answer.Body.transformToWebStream() as ReadableStream<Uint8Array>;
    },
    async forget(key) {
      const { sdk, s3 } = await connect();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: key }));
    },
  };
}
