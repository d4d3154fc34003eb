import { createRoute, z } from '@hono/zod-openapi';
import { archiveQuery } from '../../../domain/contracts/archives.ts';
import { preferredLocale } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { problems } from '../../http/openapi-helpers.ts';
import { resolveArchive, writeArchive } from '../../reports/archive/build-archive.ts';
import { assertMayArchive } from './archive-access.ts';

/** Årsarkiv: the e-archive package of a unit (or the tenant) and year, streamed as a ZIP. */
export function archiveRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/archives',
      tags: ['Reports'],
      summary: 'Årsarkiv: the e-archive package (E-ARK CSIP, ZIP) of a unit, or of the whole tenant, for a year',
      description:
        "Every revision of each adopted plan as PDF/A, the reports sent to the nämnd exactly as sent (one that is not PDF/A is said so in the manifest), the plans' data as JSON and CSV, the audit events of that data, and METS.xml with every file's SHA-256. For the unit's coordinators and administrators; without `unit`, for those of the tenant's top unit. The ZIP is streamed as it is made (no Content-Length); X-Archive-Steps says how many files are made, for progress.",
      request: { query: archiveQuery },
      responses: {
        200: {
          description: 'The package',
          content: { 'application/zip': { schema: z.string().meta({ format: 'binary' }) } },
        },
        ...problems('validation_failed', 'forbidden', 'not_found'),
      },
    }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const query = c.req.valid('query');
      await assertMayArchive(db, access, query.unit);
      const scope = await resolveArchive(db, access, {
        unitId: query.unit,
        year: query.year,
        locale: query.lang ?? preferredLocale(c.req.header('accept-language')),
      });
      // Everything that can be refused has been; from here the ZIP is written as the client reads it.
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      const writer = writable.getWriter();
      void writeArchive(db, access, scope, async (chunk) => {
        await writer.ready;
        await writer.write(chunk);
      }).then(
        () => writer.close(),
        (error: unknown) => {
          // The status line has gone; breaking the stream is how the client learns the package is not whole.
          console.error('Årsarkiv failed while streaming:', error);
          return writer.abort(error);
        },
      );
      return c.body(readable, 200, {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${scope.fileName}"`,
        'x-archive-steps': String(scope.steps),
        'cache-control': 'no-store',
      });
    },
  );
  return router;
}
