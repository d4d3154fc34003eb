import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Database, Transaction } from '../db/client.ts';
import { queryRows } from '../db/client.ts';
import { roleAssignments } from '../db/schema/role-assignments.ts';
import { recoveryCodes } from '../db/schema/second-factor.ts';
import { tenants } from '../db/schema/tenants.ts';
import { users } from '../db/schema/users.ts';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';
import { hashSecret, openSecret } from './secrets.ts';

/**
 * The second factor: a TOTP secret (RFC 6238: six digits, 30 seconds, SHA-1, which every
 * authenticator app reads) sealed with the server key, and ten recovery codes stored as hashes.
 * Time is always a parameter: nothing here reads the system clock.
 */

/** How long one code is valid, in seconds. */
export const TOTP_PERIOD_SECONDS = 30;
/** A code of the step before or after the present one is accepted too (clocks of phones drift). */
export const TOTP_WINDOW = 1;
/** How many recovery codes a person gets at a time. */
export const RECOVERY_CODE_COUNT = 10;

function totpOf(secret: string, label = 'Uppsikt', issuer = 'Uppsikt'): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** A new TOTP secret: 160 random bits, base32 as authenticator apps want it typed. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** What a person needs to add the secret to an authenticator app: the otpauth:// address, the key to type, and a QR code. */
export async function totpEnrolment(secret: string, who: { email: string | null; tenantName: string }) {
  const otpauthUri = totpOf(secret, who.email ?? who.tenantName, `Uppsikt (${who.tenantName})`).toString();
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    otpauthUri,
    secret,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`,
  };
}

/** The time step a code belongs to at `now`: which 30-second interval since 1970. */
export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The step the code matches (the present one, or one before or after), or null when it matches none. */
export function matchingTotpStep(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totpStepAt(now) + delta;
}

/** The operations whose audit events record the TOTP step of the code they accepted. */
const CODE_OPERATIONS = ['sign_in', 'second_factor_enabled', 'recovery_codes_regenerated', 'second_factor_disabled'];

/**
 * The latest TOTP step the person has used a code of. The audit log keeps it: every event that
 * accepted a code records its step (`totpStep`), in the same transaction as the acceptance, and
 * the log is never changed. The step is no secret (it is the time divided by 30 seconds).
 */
async function lastAcceptedStep(tx: Transaction, person: { tenantId: string; userId: string }): Promise<number> {
  const [row] = await queryRows<{ step: string | number | null }>(
    tx,
    sql`select max((changes -> 'totpStep' ->> 1)::bigint) as step from audit_events
         where tenant_id = ${person.tenantId} and entity_type = 'user' and entity_id = ${person.userId}
           and operation in (${sql.join(
             CODE_OPERATIONS.map((operation) => sql`${operation}`),
             sql`, `,
           )})`,
  );
  return row?.step === null || row?.step === undefined ? -1 : Number(row.step);
}

/** Why a code was not accepted. */
export type CodeRefusal = 'wrong_code' | 'replayed_code';

/**
 * Checks a TOTP code of the person, in a transaction that has locked the person's row (see
 * lockPerson): a code is accepted once only, and never one older than a code accepted before
 * (RFC 6238, 5.2). Returns the step to record with the event that accepts it, or the refusal.
 * `sealedSecret` is the person's sealed secret, active or still being set up.
 */
export async function checkTotpCode(
  tx: Transaction,
  person: { tenantId: string; userId: string; sealedSecret: string },
  options: { key: Buffer; code: string; now: Date },
): Promise<{ step: number } | { refused: CodeRefusal }> {
  const step = matchingTotpStep(openSecret(options.key, person.sealedSecret), options.code, options.now);
  if (step === null) return { refused: 'wrong_code' };
  if (step <= (await lastAcceptedStep(tx, person))) return { refused: 'replayed_code' };
  return { step };
}

/** Letters and digits no one mistakes for another: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V. */
const RECOVERY_CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';

/** One recovery code, e.g. "K7QX-3MAT-…": four groups of four characters of 23, about 72 bits. */
function newRecoveryCode(): string {
  const characters = [...randomBytes(16)].map((byte) => RECOVERY_CODE_ALPHABET[byte % RECOVERY_CODE_ALPHABET.length]);
  return [0, 4, 8, 12].map((start) => characters.slice(start, start + 4).join('')).join('-');
}

/** A recovery code as typed, the way its hash was made: upper case, without spaces or dashes. */
function normalRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * A new set of recovery codes for the person, replacing any earlier set. Returns the codes,
 * to be shown this once; only their SHA-256 is stored (72 random bits cannot be guessed).
 */
export async function replaceRecoveryCodes(
  tx: Transaction,
  person: { tenantId: string; userId: string },
  now: Date,
): Promise<string[]> {
  await tx
    .update(recoveryCodes)
    .set({ replacedAt: now })
    .where(
      and(
        eq(recoveryCodes.tenantId, person.tenantId),
        eq(recoveryCodes.userId, person.userId),
        isNull(recoveryCodes.replacedAt),
      ),
    );
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.insert(recoveryCodes).values(
    codes.map((code) => ({
      tenantId: person.tenantId,
      userId: person.userId,
      codeHash: hashSecret(normalRecoveryCode(code)),
      createdAt: now,
    })),
  );
  return codes;
}

/** Uses one of the person's recovery codes: true when it was theirs, unused and not replaced. Each works once. */
export async function useRecoveryCode(
  tx: Transaction,
  person: { tenantId: string; userId: string },
  code: string,
  now: Date,
): Promise<boolean> {
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.tenantId, person.tenantId),
        eq(recoveryCodes.userId, person.userId),
        eq(recoveryCodes.codeHash, hashSecret(normalRecoveryCode(code))),
        isNull(recoveryCodes.usedAt),
        isNull(recoveryCodes.replacedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

/** Takes every recovery code of the person out of use (the second factor was turned off). */
export async function retireRecoveryCodes(tx: Transaction, person: { tenantId: string; userId: string }, now: Date) {
  await tx
    .update(recoveryCodes)
    .set({ replacedAt: now })
    .where(
      and(
        eq(recoveryCodes.tenantId, person.tenantId),
        eq(recoveryCodes.userId, person.userId),
        isNull(recoveryCodes.replacedAt),
      ),
    );
}

/** How many of the person's recovery codes are still unused. */
export async function unusedRecoveryCodes(db: Database, person: { tenantId: string; userId: string }) {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(
      and(
        eq(recoveryCodes.tenantId, person.tenantId),
        eq(recoveryCodes.userId, person.userId),
        isNull(recoveryCodes.usedAt),
        isNull(recoveryCodes.replacedAt),
      ),
    );
  return rows.length;
}

/**
 * Locks the person's row for the rest of the transaction and returns what the second factor
 * needs: two requests with the same code wait for each other, and the second finds it used.
 */
export async function lockPerson(tx: Transaction, person: { tenantId: string; userId: string }) {
  const [row] = await tx
    .select({
      id: users.id,
      tenantId: users.tenantId,
      email: users.email,
      passwordHash: users.passwordHash,
      sealedTotpSecret: users.sealedTotpSecret,
      totpEnabledAt: users.totpEnabledAt,
      version: users.version,
    })
    .from(users)
    .where(and(eq(users.tenantId, person.tenantId), eq(users.id, person.userId)))
    .for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * The person's second factor: whether it is on, and whether the tenant requires one of them
 * (it requires one of administrators, and the person, who has a local password, holds the
 * administrator role on some unit).
 */
export async function secondFactorState(
  db: Database,
  person: { tenantId: string; userId: string },
): Promise<{ enabled: boolean; required: boolean }> {
  const [row] = await db
    .select({
      totpEnabledAt: users.totpEnabledAt,
      passwordHash: users.passwordHash,
      requireForAdmins: tenants.requireSecondFactorForAdmins,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(users.tenantId, person.tenantId), eq(users.id, person.userId)));
  const enabled = row?.totpEnabledAt !== null && row?.totpEnabledAt !== undefined;
  // The requirement is of local passwords: whoever has none signs in through the identity provider.
  if (!row?.requireForAdmins || !row.passwordHash) return { enabled, required: false };
  const [admin] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.tenantId, person.tenantId),
        eq(roleAssignments.userId, person.userId),
        inArray(roleAssignments.role, ['administrator']),
        isNull(roleAssignments.revokedAt),
      ),
    )
    .limit(1);
  return { enabled, required: admin !== undefined };
}

/** The server key, or a clear refusal telling the operator to configure one. */
export function requireServerKey(key: Buffer | null): Buffer {
  if (key === null) {
    throw new AppError(
      'not_yet',
      localize((m) => m.secondFactor.noServerKey),
    );
  }
  return key;
}
