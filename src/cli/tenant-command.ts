import { parseArgs } from 'node:util';
import { systemClock, type Clock } from '../domain/clock.ts';
import { tenantCreate } from '../domain/contracts/tenants.ts';
import { parseTenantKind, TENANT_KIND_LABELS } from '../domain/tenant.ts';
import { oneTimeLinkUrl } from '../server/auth/one-time-links.ts';
import type { Config } from '../server/config.ts';
import { AppError } from '../server/errors.ts';
import { createTenant } from '../server/features/tenants/create-tenant.ts';
import { listTenants } from '../server/features/tenants/list-tenants.ts';
import { setTenantSuspended } from '../server/features/tenants/suspend-tenant.ts';
import { openMigratedDatabase } from '../server/main.ts';

export const TENANT_USAGE = `Usage: uppsikt tenant <create|list|suspend|resume> [options]

  tenant create --slug SLUG --name "NAME" --kind kommun|region|kommunalförbund
                --admin-email E --admin-name "N"
        Create an organisation ready to use: its top unit, the default risk matrix, statuses
        and this year's reporting periods, and a first administrator, who gets a one-time
        link (valid 24 h) to choose a password. The link starts with PUBLIC_URL.
  tenant list
        Every organisation of the installation, with its units and accounts.
  tenant suspend --slug SLUG
        Stop an organisation: nobody of it can sign in, its sessions and API tokens are
        refused. Nothing is removed.
  tenant resume --slug SLUG
        Lift a suspension.

These are operators' commands: a tenant's own administrators cannot create or suspend tenants.`;

/** Operators' actions are recorded in the tenant's audit log as made by this. */
const ACTOR_LABEL = 'cli:tenant';

/** `uppsikt tenant …`; returns the exit code. The output goes to `out` and problems to `err`. */
export async function runTenantCommand(
  argv: string[],
  config: Config,
  io: { out: (line: string) => void; err: (line: string) => void; clock?: Clock } = {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  },
): Promise<number> {
  const clock = io.clock ?? systemClock;
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const action = positionals[0];
  if (values.help || action === undefined) {
    io.out(TENANT_USAGE);
    return values.help ? 0 : 1;
  }
  if (!['create', 'list', 'suspend', 'resume'].includes(action)) {
    io.err(`uppsikt tenant: unknown action "${action}".\n\n${TENANT_USAGE}`);
    return 1;
  }

  let createInput: ReturnType<typeof tenantCreate.parse> | undefined;
  if (action === 'create') {
    const kind = values.kind === undefined ? undefined : parseTenantKind(values.kind);
    const parsed = tenantCreate.safeParse({
      slug: values.slug,
      name: values.name,
      kind: kind ?? values.kind,
      admin: { name: values['admin-name'], email: values['admin-email'] },
    });
    if (!parsed.success) {
      const option: Record<string, string> = {
        slug: '--slug',
        name: '--name',
        kind: '--kind',
        'admin.name': '--admin-name',
        'admin.email': '--admin-email',
      };
      const problems = parsed.error.issues.map((issue) => {
        const path = issue.path.join('.');
        const hint =
          path === 'kind'
            ? 'must be kommun, region or kommunalförbund'
            : path === 'slug' && issue.code === 'invalid_format'
              ? 'must be lower-case letters a–z and digits, words joined by hyphens (e.g. region-skane)'
              : issue.code === 'invalid_type'
                ? 'is missing'
                : issue.message;
        return `${option[path] ?? path} ${hint}`;
      });
      io.err(`uppsikt tenant create: ${[...new Set(problems)].join('; ')}.\n\n${TENANT_USAGE}`);
      return 1;
    }
    createInput = parsed.data;
  } else if ((action === 'suspend' || action === 'resume') && !values.slug) {
    io.err(`uppsikt tenant ${action}: --slug is missing.\n\n${TENANT_USAGE}`);
    return 1;
  }

  const database = await openMigratedDatabase(config);
  try {
    switch (action) {
      case 'create': {
        const input = createInput!;
        const created = await database.duringStartup(() =>
          createTenant(database.db, input, { clock, actorLabel: ACTOR_LABEL }),
        );
        io.out(`Created ${input.name} (${input.slug}, ${TENANT_KIND_LABELS[input.kind].sv.toLowerCase()}).`);
        io.out(`Administrator: ${input.admin.name} <${input.admin.email}>.`);
        io.out(
          `Send this link to the administrator to choose a password (valid until ${created.link!.expiresAt.toISOString()}, once):`,
        );
        io.out(`  ${oneTimeLinkUrl(config.publicUrl, created.link!.secret)}`);
        return 0;
      }
      case 'list': {
        const tenants = await listTenants(database.db);
        if (tenants.length === 0) {
          io.out('No organisations yet. Create one with: uppsikt tenant create --help');
          return 0;
        }
        const rows = tenants.map((tenant) => [
          tenant.slug,
          tenant.name,
          TENANT_KIND_LABELS[tenant.kind].sv.toLowerCase(),
          String(tenant.units),
          String(tenant.accounts),
          tenant.suspendedAt === null ? 'active' : `suspended ${tenant.suspendedAt.toISOString().slice(0, 10)}`,
        ]);
        const header = ['slug', 'name', 'kind', 'units', 'accounts', 'state'];
        const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
        for (const row of [header, ...rows])
          io.out(
            row
              .map((cell, column) => cell.padEnd(widths[column]!))
              .join('  ')
              .trimEnd(),
          );
        return 0;
      }
      default: {
        const suspend = action === 'suspend';
        const changed = await setTenantSuspended(database.db, values.slug!, suspend, {
          clock,
          actorLabel: ACTOR_LABEL,
        });
        io.out(
          changed
            ? `${values.slug} is ${suspend ? 'suspended: nobody of it can sign in until it is resumed' : 'active again'}.`
            : `${values.slug} was ${suspend ? 'suspended' : 'active'} already; nothing changed.`,
        );
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof AppError) {
      const details = error.errors.map(
        (field) => `${field.path}: ${typeof field.message === 'string' ? field.message : field.message.en}`,
      );
      const detail =
        error.detail === undefined ? [] : [typeof error.detail === 'string' ? error.detail : error.detail.en];
      io.err(`uppsikt tenant ${action}: ${[...detail, ...details].join('; ') || error.code}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
