import { z } from 'zod';
import { calendarDate, id, optionalShortText, timestamp } from './common.ts';

export const planAdopt = z
  .strictObject({
    version: z.int().min(1).meta({ description: 'The plan version you adopt (409 if it has changed since).' }),
    decisionUnitId: id
      .nullable()
      .optional()
      .meta({ description: 'The body that adopted it; defaults to the plan’s unit.' }),
    decisionDate: calendarDate.meta({ description: 'The date of the sammanträde.' }),
    decisionParagraph: optionalShortText.optional().meta({ description: 'Protokoll §, e.g. "§95".' }),
    diarienummer: optionalShortText.optional(),
  })
  .meta({ id: 'PlanAdopt' });

export const planRevise = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(3)
      .max(2000)
      .meta({ description: 'Why the adopted plan was changed, e.g. the nämnd’s decision of a revision.' }),
    decisionUnitId: id
      .nullable()
      .optional()
      .meta({ description: 'The body that decided the revision, when it is another.' }),
    decisionDate: calendarDate.optional().meta({
      description: 'The date of the sammanträde that decided the revision, or the corrected date of the decision.',
    }),
    decisionParagraph: optionalShortText
      .optional()
      .meta({ description: 'Protokoll § of the revision’s decision, or the corrected one.' }),
    diarienummer: optionalShortText.optional(),
    validFrom: calendarDate.optional().meta({
      description: 'The day the revised plan applies from (gäller från); defaults to the date of the decision.',
    }),
  })
  .meta({
    id: 'PlanRevise',
    description:
      'The decision fields, when given, become the plan’s decision from this revision on; the adopted version keeps the decision it was adopted with.',
  });

export const planClose = z.strictObject({ version: z.int().min(1) }).meta({ id: 'PlanClose' });

/** The decision that adopted a version or revision. */
export const versionDecision = z
  .object({
    decisionUnitId: id.nullable(),
    decisionUnitName: z.string().nullable(),
    decisionDate: calendarDate.nullable(),
    decisionParagraph: z.string().nullable(),
    diarienummer: z.string().nullable(),
    validFrom: calendarDate.nullable().meta({ description: 'Gäller från: the day the version applies from.' }),
  })
  .meta({ id: 'PlanVersionDecision' });

/** A frozen version of a plan (without its snapshot). */
export const planVersion = z
  .object({
    id,
    planId: id,
    revision: z.int().meta({ description: '1 is the adopted plan; later revisions were made after adoption.' }),
    reason: z.string().nullable(),
    sha256: z.string().meta({ description: 'SHA-256 of the snapshot’s canonical JSON.' }),
    createdAt: timestamp,
    createdByName: z.string().nullable(),
    decision: versionDecision
      .nullable()
      .meta({ description: 'The decision of this version; null for a revision that kept the decision in force.' }),
  })
  .meta({ id: 'PlanVersion' });

export const planVersionParams = z.object({
  id: z.uuid().meta({ param: { name: 'id', in: 'path' } }),
  revision: z.coerce
    .number()
    .int()
    .min(1)
    .meta({ param: { name: 'revision', in: 'path' } }),
});

export const planComparisonQuery = z.strictObject({
  from: z.coerce
    .number()
    .int()
    .min(1)
    .default(1)
    .meta({ description: 'The revision compared from; 1 (the adopted plan) by default.' }),
  to: z
    .union([z.literal('current'), z.coerce.number().int().min(1)])
    .default('current')
    .meta({ description: 'A revision, or "current" (the plan as it is now).' }),
});

const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const planComparison = z
  .object({
    from: z.object({ revision: z.int(), label: z.string() }),
    to: z.object({ revision: z.union([z.int(), z.literal('current')]), label: z.string() }),
    changes: z.array(
      z.object({
        entity: z.enum(['plan', 'risk', 'control', 'action', 'activity', 'review']),
        id: z.string(),
        title: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        fields: z.array(fieldChange),
      }),
    ),
  })
  .meta({ id: 'PlanComparison' });
