/**
 * What a tenant's status means, whatever the tenant calls it. Reports and "overdue"
 * rules work on the category; the label, colour and icon are the tenant's.
 */
export const STATUS_CATEGORIES = ['not_started', 'in_progress', 'completed', 'not_completed'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** Icons a status can carry, so that status is never shown by colour alone. */
export const STATUS_ICONS = ['circle', 'half', 'check', 'cross', 'star', 'pause'] as const;
export type StatusIcon = (typeof STATUS_ICONS)[number];

/** A status as configured by a tenant; `key` is stable, labels may change. */
export interface StatusDefinition {
  key: string;
  labelSv: string;
  labelEn: string;
  /** CSS colour as #rrggbb. */
  colour: string;
  icon: StatusIcon;
  category: StatusCategory;
}

/** The vocabulary seen in the seeds, offered to every new tenant. */
export const DEFAULT_STATUSES: readonly StatusDefinition[] = [
  {
    key: 'ej-paborjad',
    labelSv: 'Ej påbörjad',
    labelEn: 'Not started',
    colour: '#6b7280',
    icon: 'circle',
    category: 'not_started',
  },
  {
    key: 'pagaende',
    labelSv: 'Pågående',
    labelEn: 'In progress',
    colour: '#b45309',
    icon: 'half',
    category: 'in_progress',
  },
  {
    key: 'genomford',
    labelSv: 'Genomförd',
    labelEn: 'Carried out',
    colour: '#15803d',
    icon: 'check',
    category: 'completed',
  },
  { key: 'klar', labelSv: 'Klar', labelEn: 'Done', colour: '#15803d', icon: 'check', category: 'completed' },
  { key: 'godkand', labelSv: 'Godkänd', labelEn: 'Approved', colour: '#1d4ed8', icon: 'star', category: 'completed' },
  {
    key: 'ej-slutford',
    labelSv: 'Ej slutförd',
    labelEn: 'Not completed',
    colour: '#b91c1c',
    icon: 'cross',
    category: 'not_completed',
  },
];
