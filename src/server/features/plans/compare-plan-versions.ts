import type { z } from 'zod';
import type { planComparison } from '../../../domain/contracts/plan-versions.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import type { Database } from '../../db/client.ts';
import { AppError, type Locale } from '../../errors.ts';
import { localize, messagesIn } from '../../messages/messages.ts';
import type { PlanFacts } from '../../plan-model/plan-facts.ts';
import { currentSnapshot, snapshotOf } from '../../plan-model/snapshot.ts';

type Change = z.infer<typeof planComparison>['changes'][number];
type Entity = Change['entity'];

/** What a comparison looks at of each thing in a plan; follow-ups are reports on the plan, not the plan. */
interface Described {
  id: string;
  title: string;
  fields: Record<string, unknown>;
}

function describe(facts: PlanFacts): Map<Entity, Described[]> {
  const people = (item: { responsible: string[]; reporting: string[] }) => ({
    responsible: item.responsible.join(', '),
    reporting: item.reporting.join(', '),
  });
  const dates = (item: { startDate: string | null; checkpoints: string[]; endDate: string | null }) => ({
    startDate: item.startDate,
    checkpoints: item.checkpoints.join(', '),
    endDate: item.endDate,
  });
  const status = (item: { status: { label: string } | null }) => item.status?.label ?? null;
  return new Map<Entity, Described[]>([
    [
      'plan',
      [
        {
          id: facts.id,
          title: facts.title,
          fields: {
            title: facts.title,
            description: facts.description,
            decidedBy: facts.decidedBy,
            decisionDate: facts.decisionDate,
            decisionParagraph: facts.decisionParagraph,
            diarienummer: facts.diarienummer,
            riskMatrix: facts.matrixVersion ? `${facts.matrixVersion.validFromYear}` : null,
          },
        },
      ],
    ],
    [
      'risk',
      facts.risks.map((risk) => ({
        id: risk.id,
        title: risk.title,
        fields: {
          title: risk.title,
          description: risk.description,
          // Versions frozen before these fields existed lack them: read as empty.
          process: risk.process ?? null,
          category: risk.category ?? null,
          cause: risk.cause ?? null,
          effect: risk.effect ?? null,
          owner: risk.owner ?? null,
          response: risk.response ?? null,
          responseMotivation: risk.responseMotivation ?? null,
          legalReferences: risk.legalReferences ?? null,
          likelihood: risk.likelihood,
          consequence: risk.consequence,
          riskValue: risk.riskValue,
        },
      })),
    ],
    [
      'control',
      facts.risks.flatMap((risk) =>
        risk.controls.map((control) => ({
          id: control.id,
          title: control.title,
          fields: {
            risk: risk.title,
            title: control.title,
            description: control.description,
            method: control.method,
            scope: control.scope ?? null,
            frequency: control.frequency,
            reportingTime: control.reportingTime ?? null,
            reportsTo: control.reportsTo?.join(', ') ?? null,
            status: status(control),
            ...people(control),
            ...dates(control),
          },
        })),
      ),
    ],
    [
      'action',
      [
        ...facts.risks.flatMap((risk) => risk.actions.map((action) => ({ risk: risk.title, action }))),
        ...facts.otherActions.map((action) => ({ risk: null, action })),
      ].map(({ risk, action }) => ({
        id: action.id,
        title: action.title,
        fields: {
          risk,
          title: action.title,
          whatToDo: action.whatToDo,
          responsibleUnit: action.responsibleUnit,
          status: status(action),
          ...people(action),
          ...dates(action),
        },
      })),
    ],
    [
      'activity',
      facts.activities.map((activity) => ({
        id: activity.id,
        title: `${activity.number}. ${activity.title}`,
        fields: {
          number: activity.number,
          title: activity.title,
          description: activity.description,
          subActivities: activity.subActivities.map((sub) => `${sub.number} ${sub.title}`).join('\n'),
          focusAreas: activity.focusAreas.join(', '),
          costAndResources: activity.costAndResources,
          performers: activity.performers,
          status: status(activity),
          ...dates(activity),
        },
      })),
    ],
    [
      'review',
      facts.reviews.map((review) => ({
        id: review.id,
        title: review.title,
        fields: {
          diarienummer: review.diarienummer,
          title: review.title,
          meetingDate: review.meetingDate,
          paragraph: review.paragraph,
        },
      })),
    ],
  ]);
}

/** What differs between two states of a plan: things added, removed, and changed field by field. */
export function comparePlanFacts(before: PlanFacts, after: PlanFacts): Change[] {
  const changes: Change[] = [];
  const was = describe(before);
  const is = describe(after);
  for (const [entity, nowList] of is) {
    const thenById = new Map((was.get(entity) ?? []).map((entry) => [entry.id, entry]));
    const nowIds = new Set(nowList.map((entry) => entry.id));
    for (const now of nowList) {
      const then = thenById.get(now.id);
      if (!then) {
        changes.push({ entity, id: now.id, title: now.title, change: 'added', fields: [] });
        continue;
      }
      const fields = Object.keys(now.fields)
        .filter((field) => JSON.stringify(then.fields[field] ?? null) !== JSON.stringify(now.fields[field] ?? null))
        .map((field) => ({ field, before: then.fields[field] ?? null, after: now.fields[field] ?? null }));
      if (fields.length > 0) changes.push({ entity, id: now.id, title: now.title, change: 'changed', fields });
    }
    for (const then of was.get(entity) ?? []) {
      if (!nowIds.has(then.id)) changes.push({ entity, id: then.id, title: then.title, change: 'removed', fields: [] });
    }
  }
  return changes;
}

export interface ComparePlanVersionsOptions {
  planId: string;
  /** The earlier version's revision (1 is the adopted plan). */
  from: number;
  /** The later version's revision, or the plan as it is today. */
  to: number | 'current';
  /** The language of the versions' labels ("Beslutad", "I dag" …). */
  locale: Locale;
}

/** What changed between two versions of a plan the caller reads, or between a version and today. */
export async function comparePlanVersions(
  db: Database,
  access: Access,
  { planId, from, to, locale }: ComparePlanVersionsOptions,
): Promise<z.infer<typeof planComparison>> {
  await findReadablePlan(db, access, planId);
  const noSuchVersion = (path: 'from' | 'to') =>
    new AppError(
      'validation_failed',
      localize((m) => m.plans.noSuchVersion),
      [{ path, message: localize((m) => m.validation.doesNotExist) }],
    );
  const before = await snapshotOf(db, access.tenantId, planId, from);
  if (!before) throw noSuchVersion('from');
  const after =
    to === 'current'
      ? await currentSnapshot(db, access.tenantId, planId)
      : await snapshotOf(db, access.tenantId, planId, to);
  if (!after) throw noSuchVersion('to');
  const words = messagesIn(locale).plans;
  const label = (revision: number | 'current') =>
    revision === 'current'
      ? words.versionToday
      : revision === 1
        ? words.versionAdopted
        : words.versionRevision(revision);
  return {
    from: { revision: from, label: label(from) },
    to: { revision: to, label: label(to) },
    changes: comparePlanFacts(before.facts, after.facts),
  };
}
