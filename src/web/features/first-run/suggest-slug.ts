import { TENANT_SLUG_MAX_LENGTH } from '../../../domain/tenant.ts';

/**
 * A short name suggested from an organisation's name, in the form a slug takes: "Region Skåne"
 * → "region-skane", "Kommunalförbundet Sydarkivera" → "kommunalforbundet-sydarkivera". Letters
 * lose their accents (å, ä → a, ö → o, é → e), everything else between letters and digits
 * becomes one hyphen, and the result is cut to the longest slug accepted.
 */
export function suggestSlug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-/, '')
    .slice(0, TENANT_SLUG_MAX_LENGTH)
    .replace(/-$/, '');
}
