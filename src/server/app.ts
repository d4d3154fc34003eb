import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './db/client.ts';
import { AppError, problemResponse } from './errors.ts';
import { packageVersion } from './paths.ts';

export interface AppDependencies {
  database: DatabaseHandle;
}

/** The HTTP application. Every feature's routes are mounted here, by hand, so this reads as the map of the API. */
export function createApp({ database }: AppDependencies) {
  const app = new Hono();

  app.get('/api/health', async (c) => {
    try {
      await database.db.execute(sql`select 1`);
    } catch {
      throw new AppError('unavailable', 'The database does not answer.');
    }
    return c.json({ status: 'ok', database: database.kind, version: packageVersion });
  });

  app.notFound((c) => problemResponse(c, new AppError('not_found')));
  app.onError((error, c) => {
    if (error instanceof AppError) return problemResponse(c, error);
    console.error(error);
    return problemResponse(c, new AppError('internal'));
  });
  return app;
}
