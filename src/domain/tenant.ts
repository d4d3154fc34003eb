/**
 * What kind of organisation a tenant is. It decides the kind of the tenant's top unit: a kommun
 * or a region runs its own organisation; a kommunalförbund is a federation of municipalities
 * with a directorate (förbundsdirektion) of its own.
 */
export const TENANT_KINDS = ['kommun', 'region', 'kommunalforbund'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

/** Swedish and English names of each tenant kind. */
export const TENANT_KIND_LABELS: Record<TenantKind, { sv: string; en: string }> = {
  kommun: { sv: 'Kommun', en: 'Municipality' },
  region: { sv: 'Region', en: 'Region' },
  kommunalforbund: { sv: 'Kommunalförbund', en: 'Federation of municipalities' },
};

/** The words people type for each kind, folded (lower case, ö → o, no spaces, hyphens or underscores). */
const KIND_WORDS: Record<string, TenantKind> = {
  kommun: 'kommun',
  municipality: 'kommun',
  region: 'region',
  kommunalforbund: 'kommunalforbund',
  forbund: 'kommunalforbund',
  federation: 'kommunalforbund',
  federationofmunicipalities: 'kommunalforbund',
};

/**
 * Reads a tenant kind as a person writes it: "kommunalförbund", "Kommunalforbund", "Region",
 * "Municipality" …; null when it is none of them.
 */
export function parseTenantKind(text: string): TenantKind | null {
  // Spaces, hyphens and underscores go, so no trimming is needed; "ö" is the only letter of the
  // kinds' names that people sometimes leave out.
  const folded = text
    .toLowerCase()
    .replace(/ö/g, 'o')
    .replace(/[\s_-]/g, '');
  return KIND_WORDS[folded] ?? null;
}

/**
 * A tenant's slug: its stable short name in scripts and URLs. Lower-case letters and digits in
 * words joined by single hyphens, as the database's check constraint requires.
 */
export const TENANT_SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The longest slug accepted; long enough for "kommunalforbundet-sydarkivera". */
export const TENANT_SLUG_MAX_LENGTH = 63;
