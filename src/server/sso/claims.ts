/**
 * What an identity provider (or the directory, over SCIM) says about a person, in one shape
 * for OpenID Connect, SAML and SCIM: a stable subject, the e-mail address and name when given,
 * and every claim or attribute as a list of strings for the role-mapping rules.
 */
export interface ExternalClaims {
  /** The provider's stable id of the person (OIDC `sub`, SAML NameID); never the e-mail address alone. */
  subject: string;
  email: string | null;
  name: string | null;
  /** Claim or attribute name → its values, as strings (a single value is a list of one). */
  values: Record<string, string[]>;
}

/** Claims may be strings, numbers, booleans or lists of them; nested objects are left out. */
function asStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(asStrings);
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  return [];
}

/** Every claim of an ID token, userinfo answer or SAML attribute statement as lists of strings. */
export function claimValues(raw: Record<string, unknown>): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(raw)) {
    const strings = asStrings(value);
    if (strings.length > 0) values[name] = strings;
  }
  return values;
}

/** The first value of a claim, trimmed; null when absent or empty. */
export function firstValue(values: Record<string, string[]>, claim: string): string | null {
  const value = values[claim]?.[0]?.trim();
  return value ? value : null;
}
