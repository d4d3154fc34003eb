import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../../domain/clock.ts';
import type { firstRunInput } from '../../../domain/contracts/tenants.ts';
import { sameSecret } from '../../auth/secrets.ts';
import { hasNoTenant } from '../../db/any-tenant.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { createTenantIn, type CreatedTenant } from './create-tenant.ts';

/** The code as a person may type it: any case, with or without the hyphens and spaces. */
function normalizedCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

/**
 * The first start of an installation without tenants: a page at / where the person who started
 * the server creates the first tenant and becomes its administrator. Guarded by a setup code the
 * server prints in its log at start (only someone who can read the log gets in), and usable only
 * while no tenant exists; after that it is gone for good (410).
 */
export class FirstRunSetup {
  /** `setupCode` is null when the server started with tenants already (no first run). */
  constructor(private readonly setupCode: string | null) {}

  /** Whether the first-run page is to be shown. */
  async isNeeded(db: Database): Promise<boolean> {
    return this.setupCode !== null && (await hasNoTenant(db));
  }

  /** Creates the first tenant and its administrator (with the password given) if the code is right and no tenant exists. */
  async run(db: Database, input: z.infer<typeof firstRunInput>, clock: Clock): Promise<CreatedTenant> {
    const gone = () =>
      new AppError(
        'gone',
        localize((m) => m.tenants.alreadySetUp),
        [],
        { reason: 'set_up' },
      );
    if (this.setupCode === null) throw gone();
    if (!sameSecret(normalizedCode(input.setupCode), normalizedCode(this.setupCode)))
      throw new AppError('validation_failed', undefined, [
        { path: 'setupCode', message: localize((m) => m.tenants.wrongSetupCode) },
      ]);
    return db.transaction(async (tx) => {
      // Two people submitting the page at once: the second waits here, then finds a tenant.
      await tx.execute(sql`lock table tenants in exclusive mode`);
      if (!(await hasNoTenant(tx))) throw gone();
      return createTenantIn(tx, input.tenant, {
        clock,
        actorLabel: 'first-run',
        adminPassword: input.password,
      });
    });
  }
}
