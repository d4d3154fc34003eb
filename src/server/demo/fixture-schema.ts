import { z } from 'zod';
import { CARRY_OVER_DECISIONS } from '../../domain/activity.ts';
import { CALENDAR_EVENT_KINDS, DATE_PRECISIONS } from '../../domain/calendar-event.ts';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../../domain/org-unit.ts';
import { REPORT_RECIPIENTS, RISK_RESPONSES } from '../../domain/risk-response.ts';
import { PLAN_KINDS, PLAN_STATES } from '../../domain/plan.ts';
import { ROLES } from '../../domain/role.ts';
import { PLAN_NOTE_TOPICS } from '../db/schema/plan-notes.ts';

// Fixture files are written by people; strict objects turn a misspelt field into an error
// that names it instead of silently dropping the fact.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const text = z.string().trim().min(1);
const names = z.array(text).default([]);

/** A unit of the tree, with its children. */
export interface UnitFixture {
  name: string;
  kind: OrgUnitKind;
  shortName?: string | undefined;
  children: UnitFixture[];
}
const unitFixture: z.ZodType<UnitFixture, unknown> = z.lazy(() =>
  z.strictObject({
    name: text,
    kind: z.enum(ORG_UNIT_KINDS),
    shortName: text.optional(),
    children: z.array(unitFixture).default([]),
  }),
);

const personFixture = z.strictObject({
  name: text,
  email: z.email().optional(),
  title: text.optional(),
  /** Demo accounts sign in with the shared demo password. */
  demoAccount: z.boolean().default(false),
  deactivated: z.boolean().default(false),
  roles: z.array(z.strictObject({ role: z.enum(ROLES), unit: text })).default([]),
});

export const tenantsFixtureSchema = z.strictObject({
  tenants: z.array(
    z.strictObject({
      slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and dashes'),
      name: text,
      riskMatrixFromYear: z.number().int(),
      focusAreas: z.array(text).default([]),
      units: z.array(unitFixture).min(1),
      people: z.array(personFixture).default([]),
    }),
  ),
});
export type TenantsFixture = z.infer<typeof tenantsFixtureSchema>;

const followUpFixture = z.strictObject({
  /** The period as printed, e.g. "Kvartal 3 2020" or "Helår 2021". */
  period: text,
  date: isoDate.optional(),
  body: text,
  analysis: text.optional(),
  author: text.optional(),
  status: text.optional(),
});

const scheduled = {
  responsible: names,
  reporting: names,
  status: text.optional(),
  startDate: isoDate.optional(),
  checkpoints: z.array(isoDate).default([]),
  endDate: isoDate.optional(),
  followUps: z.array(followUpFixture).default([]),
};

const actionFixture = z.strictObject({
  title: text,
  whatToDo: text.optional(),
  measuresTaken: text.optional(),
  /** The diarienummer of the review the action was decided from. */
  review: text.optional(),
  responsibleUnit: text.optional(),
  ...scheduled,
});

const controlFixture = z.strictObject({
  title: text,
  description: text.optional(),
  /** A control method as the tenant's list names it ("Stickprov"); a new word becomes an entry. */
  method: text.optional(),
  /** Omfattning and urval. */
  scope: text.optional(),
  /** As a plan writes it ("Kvartalsvis", "Per tertial"); it makes the control's checkpoints. */
  frequency: text.optional(),
  /** Given dates instead of a regular frequency; they make the control's checkpoints. */
  frequencyDates: z.array(isoDate).min(1).optional(),
  /** Kontrollansvarig as a function of a unit ("Förvaltningschef"), resolved to whoever holds it. */
  responsibleFunction: text.optional(),
  reportingTime: text.optional(),
  reportsTo: z.array(z.enum(REPORT_RECIPIENTS)).optional(),
  ...scheduled,
});

const riskFixture = z
  .strictObject({
    title: text,
    description: text.optional(),
    /** Process and category as the tenant's lists name them; a new word becomes an entry. */
    process: text.optional(),
    category: text.optional(),
    cause: text.optional(),
    effect: text.optional(),
    /** The risk owner, a person of the tenant. */
    owner: text.optional(),
    /** Laws or regulations, as a free reference. */
    legalReferences: text.optional(),
    response: z.enum(RISK_RESPONSES).optional(),
    responseMotivation: text.optional(),
    /** The riskvärde the document prints; checked against sannolikhet × konsekvens. */
    riskValue: z.number().int().optional(),
    likelihood: z.number().int().min(1).optional(),
    consequence: z.number().int().min(1).optional(),
    actions: z.array(actionFixture).default([]),
    controls: z.array(controlFixture).default([]),
  })
  .refine(
    (risk) => risk.riskValue === undefined || risk.riskValue === (risk.likelihood ?? 0) * (risk.consequence ?? 0),
    {
      message: 'riskValue must equal likelihood × consequence',
      path: ['riskValue'],
    },
  );

const subActivityFixture = z.strictObject({
  number: text,
  title: text,
  status: text.optional(),
  carryOver: z.enum(CARRY_OVER_DECISIONS).optional(),
});

const activityFixture = z.strictObject({
  number: text,
  title: text,
  description: text.optional(),
  costAndResources: text.optional(),
  performers: text.optional(),
  status: text.optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  focusAreas: names,
  carryOver: z.enum(CARRY_OVER_DECISIONS).optional(),
  subActivities: z.array(subActivityFixture).default([]),
  followUps: z.array(followUpFixture).default([]),
});

const reviewFixture = z.strictObject({
  diarienummer: text,
  title: text,
  /** The title of the plan's risk the review examined. */
  risk: text.optional(),
  decidedBy: text,
  meetingDate: isoDate,
  paragraph: text,
  findings: text.optional(),
});

const planFixture = z.strictObject({
  kind: z.enum(PLAN_KINDS),
  unit: text,
  /** "2020" or "2020-2021". */
  period: z.union([text, z.number().int()]).transform(String),
  title: text,
  state: z.enum(PLAN_STATES).default('draft'),
  description: text.optional(),
  /** The decision that adopted the plan: the deciding unit, the meeting date, § and diarienummer. */
  decision: z
    .strictObject({ decidedBy: text, date: isoDate, paragraph: text.optional(), diarienummer: text.optional() })
    .optional(),
  reviews: z.array(reviewFixture).default([]),
  risks: z.array(riskFixture).default([]),
  activities: z.array(activityFixture).default([]),
  notes: z.array(z.strictObject({ topic: z.enum(PLAN_NOTE_TOPICS), period: text.optional(), body: text })).default([]),
});

export const documentFixtureSchema = z.strictObject({
  tenant: text,
  /** The document the facts were transcribed from. */
  source: text,
  plans: z.array(planFixture).default([]),
  calendar: z
    .array(
      z.strictObject({
        kind: z.enum(CALENDAR_EVENT_KINDS),
        unit: text.optional(),
        date: isoDate,
        datePrecision: z.enum(DATE_PRECISIONS).default('day'),
        title: text,
        agenda: text.optional(),
      }),
    )
    .default([]),
  reportTexts: z
    .array(
      z.strictObject({
        reportKind: text,
        section: text,
        unit: text.optional(),
        year: z.number().int().optional(),
        body: text,
      }),
    )
    .default([]),
});
export type DocumentFixture = z.infer<typeof documentFixtureSchema>;
export type PlanFixture = DocumentFixture['plans'][number];
export type FollowUpFixture = z.infer<typeof followUpFixture>;
