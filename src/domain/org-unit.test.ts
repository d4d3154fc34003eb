import { describe, expect, test } from 'vitest';
import { mayNestUnder, ORG_UNIT_KIND_LABELS, ORG_UNIT_KINDS, parseOrgUnitKind, type OrgUnitKind } from './org-unit.ts';

describe('which unit may sit below which', () => {
  test('a kommun or region is only ever the top of a tree', () => {
    for (const parent of ORG_UNIT_KINDS) {
      expect(mayNestUnder('kommun', parent)).toBe(false);
      expect(mayNestUnder('region', parent)).toBe(false);
    }
  });

  test('a unit sits below a higher level or its own, never below a lower one', () => {
    const allowed: [OrgUnitKind, OrgUnitKind][] = [
      ['namnd', 'kommun'],
      ['bolag', 'region'],
      ['bolag', 'bolag'],
      ['kommunalforbund', 'namnd'],
      ['forvaltning', 'namnd'],
      ['avdelning', 'forvaltning'],
      ['avdelning', 'avdelning'],
      ['enhet', 'avdelning'],
      ['enhet', 'kommun'],
    ];
    const refused: [OrgUnitKind, OrgUnitKind][] = [
      ['namnd', 'forvaltning'],
      ['forvaltning', 'avdelning'],
      ['avdelning', 'enhet'],
      ['bolag', 'forvaltning'],
    ];
    for (const [child, parent] of allowed) expect(mayNestUnder(child, parent), `${child} under ${parent}`).toBe(true);
    for (const [child, parent] of refused) expect(mayNestUnder(child, parent), `${child} under ${parent}`).toBe(false);
  });

  test('each kind has the name municipal staff use, in Swedish and English', () => {
    expect(ORG_UNIT_KINDS.map((kind) => ORG_UNIT_KIND_LABELS[kind])).toEqual([
      { sv: 'Kommun', en: 'Municipality' },
      { sv: 'Region', en: 'Region' },
      { sv: 'Nämnd/styrelse', en: 'Committee/board' },
      { sv: 'Bolag', en: 'Municipal company' },
      { sv: 'Kommunalförbund', en: 'Federation of municipalities' },
      { sv: 'Förvaltning', en: 'Administration' },
      { sv: 'Avdelning', en: 'Department' },
      { sv: 'Enhet', en: 'Unit' },
    ]);
  });
});

describe('a unit kind as people write it in their lists', () => {
  test('the Swedish and English names of every kind, in any case and with or without å ä ö', () => {
    for (const kind of ORG_UNIT_KINDS) {
      expect(parseOrgUnitKind(ORG_UNIT_KIND_LABELS[kind].sv)).toBe(kind);
      expect(parseOrgUnitKind(ORG_UNIT_KIND_LABELS[kind].en.toUpperCase())).toBe(kind);
    }
    expect(parseOrgUnitKind('  förvaltning ')).toBe('forvaltning');
    expect(parseOrgUnitKind('Forvaltning')).toBe('forvaltning');
    expect(parseOrgUnitKind('NÄMND')).toBe('namnd');
  });

  test('the other words municipalities use for the same levels', () => {
    expect(parseOrgUnitKind('Styrelse')).toBe('namnd');
    expect(parseOrgUnitKind('Utskott')).toBe('namnd');
    expect(parseOrgUnitKind('Aktiebolag')).toBe('bolag');
    expect(parseOrgUnitKind('Förbund')).toBe('kommunalforbund');
    expect(parseOrgUnitKind('Kontor')).toBe('forvaltning');
    expect(parseOrgUnitKind('Verksamhetsområde')).toBe('avdelning');
    expect(parseOrgUnitKind('Sektion')).toBe('enhet');
  });

  test('anything else is no kind', () => {
    expect(parseOrgUnitKind('')).toBeNull();
    expect(parseOrgUnitKind('Skola')).toBeNull();
    expect(parseOrgUnitKind('nämndx')).toBeNull();
  });
});
