import type { HeadingVocabulary } from '../../../domain/table-headings.ts';

/** The columns of a list of units, by the headings municipalities and their systems use. */
export const UNIT_HEADINGS = {
  name: [
    'Namn',
    'Enhet',
    'Enhetsnamn',
    'Enhetens namn',
    'Organisationsenhet',
    'Benämning',
    'Name',
    'Unit',
    'Unit name',
  ],
  kind: ['Typ', 'Slag', 'Enhetstyp', 'Nivå', 'Organisationsnivå', 'Kind', 'Type', 'Unit type', 'Level'],
  parent: [
    'Överordnad',
    'Överordnad enhet',
    'Tillhör',
    'Ligger under',
    'Förälder',
    'Moderenhet',
    'Parent',
    'Parent unit',
    'Belongs to',
  ],
  code: [
    'Kod',
    'Enhetskod',
    'Förkortning',
    'Kortnamn',
    'Kortform',
    'Id',
    'Code',
    'Unit code',
    'Short name',
    'Abbreviation',
  ],
} as const satisfies HeadingVocabulary<'name' | 'kind' | 'parent' | 'code'>;

/** The columns of a list of people with their roles. */
export const PEOPLE_HEADINGS = {
  name: ['Namn', 'Fullständigt namn', 'För- och efternamn', 'Person', 'Medarbetare', 'Name', 'Full name'],
  email: ['E-post', 'E-postadress', 'Mejl', 'Mejladress', 'Mail', 'Mailadress', 'E-mail', 'Email address'],
  title: ['Titel', 'Befattning', 'Yrkestitel', 'Tjänst', 'Title', 'Job title', 'Position'],
  unit: ['Enhet', 'Organisationsenhet', 'Organisation', 'Arbetsplats', 'Unit', 'Organisational unit', 'Department'],
  role: ['Roll', 'Behörighet', 'Role', 'Access'],
} as const satisfies HeadingVocabulary<'name' | 'email' | 'title' | 'unit' | 'role'>;

export type UnitField = keyof typeof UNIT_HEADINGS;
export type PeopleField = keyof typeof PEOPLE_HEADINGS;

/** The headings an error names when a file has none it knows, in the order of the vocabularies. */
export const HEADINGS_SHOWN = {
  units: { sv: ['Namn', 'Typ', 'Överordnad', 'Kod'], en: ['Name', 'Kind', 'Parent', 'Code'] },
  people: { sv: ['Namn', 'E-post', 'Titel', 'Enhet', 'Roll'], en: ['Name', 'E-mail', 'Title', 'Unit', 'Role'] },
} as const;
