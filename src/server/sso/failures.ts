/** Why a sign-in through a provider failed; the sign-in page explains each in the person's language. */
export const SSO_FAILURES = [
  'unknown_provider',
  'state_unknown',
  'state_expired',
  'provider_refused',
  'provider_unreachable',
  'token_rejected',
  'missing_subject',
  'missing_email',
  'no_role',
  'identity_conflict',
  'deactivated',
  'suspended',
] as const;
export type SsoFailureCode = (typeof SSO_FAILURES)[number];

/** A failed sign-in: the code for the page, and details for the server's log and the audit log (never tokens). */
export class SsoFailure extends Error {
  constructor(
    readonly code: SsoFailureCode,
    readonly details = '',
  ) {
    super(`${code}${details ? `: ${details}` : ''}`);
  }
}
