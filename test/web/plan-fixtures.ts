import { json, type SeenRequest } from './fake-fetch.ts';

// A plan of 2026 with one risk and one control, the tenant's persons, statuses and units, and
// vocabulary entries, as the API gives them, for the web tests of the risk, control and
// deviation screens.

const EDITABLE = { version: 1, createdAt: '2026-01-10T09:00:00.000Z', updatedAt: '2026-01-10T09:00:00.000Z' };

export const PLAN = {
  id: 'pl1',
  unitId: 'u-sn',
  kind: 'internal_control',
  title: 'Internkontrollplan 2026',
  startYear: 2026,
  endYear: 2026,
  riskMatrixId: null,
  archivedAt: null,
  ...EDITABLE,
};

export function person(id: string, name: string, deactivatedAt: string | null = null) {
  return { id, name, email: null, title: null, locale: 'sv', canSignIn: true, deactivatedAt, ...EDITABLE };
}

export const PEOPLE = [
  person('p1', 'Karin Lund'),
  person('p2', 'Anders Berg'),
  person('p3', 'Greta Slutat', '2026-02-01T09:00:00.000Z'),
];

/** An entry of a vocabulary as GET /vocabularies gives it. */
export function vocabularyEntry(
  kind: string,
  id: string,
  labelSv: string,
  changes: { labelEn?: string; description?: string; reportImmediately?: boolean; archivedAt?: string } = {},
) {
  return {
    id,
    kind,
    key: id,
    labelSv,
    labelEn: changes.labelEn ?? labelSv,
    description: changes.description ?? null,
    reportImmediately: changes.reportImmediately ?? false,
    sortOrder: 0,
    validFromYear: null,
    validToYear: null,
    archivedAt: changes.archivedAt ?? null,
    ...EDITABLE,
  };
}

/** How an item names an entry. */
export function vocabularyRef(entry: ReturnType<typeof vocabularyEntry>) {
  return {
    id: entry.id,
    key: entry.key,
    labelSv: entry.labelSv,
    labelEn: entry.labelEn,
    archived: entry.archivedAt !== null,
  };
}

/** The entries offered for 2026, by kind. */
export const VOCABULARIES: Record<string, ReturnType<typeof vocabularyEntry>[]> = {
  process: [vocabularyEntry('process', 'v-ekonomi', 'Ekonomi'), vocabularyEntry('process', 'v-personal', 'Personal')],
  risk_category: [
    vocabularyEntry('risk_category', 'v-oegentligheter', 'Oegentligheter och korruption'),
    vocabularyEntry('risk_category', 'v-finansiell', 'Finansiell risk'),
  ],
  control_method: [
    vocabularyEntry('control_method', 'v-stickprov', 'Stickprov'),
    vocabularyEntry('control_method', 'v-avstamning', 'Avstämning'),
  ],
  deviation_severity: [
    vocabularyEntry('deviation_severity', 'v-mindre', 'Mindre väsentlig'),
    vocabularyEntry('deviation_severity', 'v-vasentlig', 'Väsentlig'),
    vocabularyEntry('deviation_severity', 'v-mycket', 'Mycket väsentlig', {
      description: 'Allvarliga brister i lagefterlevnad.',
      reportImmediately: true,
    }),
  ],
};

export const RISK = {
  id: 'r1',
  planId: PLAN.id,
  title: 'Felaktiga utbetalningar',
  description: null,
  process: null,
  category: null,
  cause: null,
  effect: null,
  ownerId: null,
  response: null,
  responseMotivation: null,
  legalReferences: null,
  likelihood: null,
  consequence: null,
  riskValue: null,
  sortOrder: 0,
  carriedFromId: null,
  goalIds: [] as string[],
  archivedAt: null,
  ...EDITABLE,
};

export const CONTROL = {
  id: 'c1',
  planId: PLAN.id,
  riskId: RISK.id,
  title: 'Stickprov på utbetalningar',
  description: null,
  method: null,
  scope: null,
  frequency: null,
  reportingTime: null,
  reportsTo: [],
  statusId: null,
  startDate: null,
  endDate: null,
  sortOrder: 0,
  responsibleIds: [],
  reportingIds: [],
  checkpoints: [],
  overdue: false,
  archivedAt: null,
  ...EDITABLE,
};

/**
 * Answers what the screens read: the plan, the persons, statuses, units, risk matrices and the
 * vocabularies (those offered for the year asked); `other` answers the rest (writes, the item).
 */
export function planReads(request: SeenRequest, other: (path: string) => Response | undefined): Response {
  const url = new URL(request.url, 'http://localhost');
  const path = url.pathname;
  const answer = other(path);
  if (answer) return answer;
  const list = (items: unknown[]) => json({ items, total: items.length });
  if (path === `/api/v1/plans/${PLAN.id}`) return json(PLAN);
  if (path === '/api/v1/users') return list(PEOPLE);
  if (path === '/api/v1/statuses') return list([]);
  if (path === '/api/v1/org-units') return list([]);
  if (path === '/api/v1/risk-matrices') return list([]);
  if (path === '/api/v1/goals') return list([]);
  if (path === '/api/v1/vocabularies') return list(VOCABULARIES[url.searchParams.get('kind') ?? ''] ?? []);
  throw new Error(`unexpected request ${request.method} ${request.url}`);
}
