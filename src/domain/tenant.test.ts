import { describe, expect, it } from 'vitest';
import { ORG_UNIT_KINDS } from './org-unit.ts';
import { parseTenantKind, TENANT_KIND_LABELS, TENANT_KINDS, TENANT_SLUG_PATTERN } from './tenant.ts';

describe('tenant kinds', () => {
  it('reads the kinds as people write them, with or without ö, spaces or hyphens', () => {
    expect(parseTenantKind('kommun')).toBe('kommun');
    expect(parseTenantKind(' Region ')).toBe('region');
    expect(parseTenantKind('kommunalförbund')).toBe('kommunalforbund');
    expect(parseTenantKind('Kommunalforbund')).toBe('kommunalforbund');
    expect(parseTenantKind('KOMMUNALFÖRBUND')).toBe('kommunalforbund');
    expect(parseTenantKind('förbund')).toBe('kommunalforbund');
    expect(parseTenantKind('Municipality')).toBe('kommun');
    expect(parseTenantKind('federation of municipalities')).toBe('kommunalforbund');
    expect(parseTenantKind('kommunal-förbund')).toBe('kommunalforbund');
    expect(parseTenantKind('kommunal_forbund')).toBe('kommunalforbund');
  });

  it('refuses what is no tenant kind', () => {
    expect(parseTenantKind('')).toBeNull();
    expect(parseTenantKind('nämnd')).toBeNull();
    expect(parseTenantKind('bolag')).toBeNull();
    expect(parseTenantKind('kommuner')).toBeNull();
  });

  it('names every kind in both languages, and every kind is also a kind of top unit', () => {
    expect(TENANT_KIND_LABELS.kommunalforbund).toEqual({ sv: 'Kommunalförbund', en: 'Federation of municipalities' });
    expect(TENANT_KIND_LABELS.kommun.sv).toBe('Kommun');
    expect(TENANT_KIND_LABELS.region.en).toBe('Region');
    for (const kind of TENANT_KINDS) expect(ORG_UNIT_KINDS).toContain(kind);
  });

  it('accepts slugs of lower-case words joined by single hyphens only', () => {
    for (const slug of ['malmo', 'region-skane', 'sydarkivera2'])
      expect(TENANT_SLUG_PATTERN.test(slug), slug).toBe(true);
    for (const slug of ['Malmo', 'malmö', '-malmo', 'malmo-', 'region--skane', 'region skane', ''])
      expect(TENANT_SLUG_PATTERN.test(slug), slug).toBe(false);
  });
});
