import { describe, expect, test } from 'vitest';
import { TENANT_SLUG_MAX_LENGTH, TENANT_SLUG_PATTERN } from '../../../domain/tenant.ts';
import { suggestSlug } from './suggest-slug.ts';

describe('suggestSlug: a short name from the organisation’s name', () => {
  test.each([
    ['Lunds kommun', 'lunds-kommun'],
    ['Region Skåne', 'region-skane'],
    ['Kommunalförbundet Sydarkivera', 'kommunalforbundet-sydarkivera'],
    ['Höörs kommun', 'hoors-kommun'],
    ['Ängelholms kommun', 'angelholms-kommun'],
    ['  Räddningstjänsten Syd (RSyd)  ', 'raddningstjansten-syd-rsyd'],
    ['Malmö stad – Östra', 'malmo-stad-ostra'],
    ['Région Île-de-France', 'region-ile-de-france'],
    ['Kommun 2', 'kommun-2'],
  ])('%s → %s', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  test('nothing to go on gives nothing, not a lone hyphen', () => {
    expect(suggestSlug('')).toBe('');
    expect(suggestSlug(' – ')).toBe('');
  });

  test('a long name is cut to the longest slug, never ending in a hyphen', () => {
    const slug = suggestSlug(`${'a'.repeat(TENANT_SLUG_MAX_LENGTH - 1)} bc`);
    expect(slug).toBe('a'.repeat(TENANT_SLUG_MAX_LENGTH - 1));
    expect(suggestSlug('Ett mycket långt namn på ett kommunalförbund som aldrig tycks ta slut alls')).toMatch(
      TENANT_SLUG_PATTERN,
    );
    expect(suggestSlug('x'.repeat(100))).toHaveLength(TENANT_SLUG_MAX_LENGTH);
  });
});
