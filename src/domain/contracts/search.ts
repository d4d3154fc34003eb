import { z } from 'zod';
import { id } from './common.ts';

/** The kinds of things one search finds, in the order their groups are shown. */
export const SEARCH_KINDS = [
  'plan',
  'risk',
  'control',
  'action',
  'activity',
  'deviation',
  'review',
  'recommendation',
  'person',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The longest search text: long enough for a sentence, short enough to keep the query cheap. */
export const SEARCH_MAX_LENGTH = 200;

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1).max(SEARCH_MAX_LENGTH).meta({
    description:
      'What to look for: words in Swedish (inflected forms find each other: "avvikelserna" finds "avvikelse"), the last word also as the start of a word; "quoted phrases", "or" and -excluded words as in web search engines. A diarienummer is found whole or by any of its parts.',
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(10)
    .meta({ description: 'At most this many hits of each kind (1–50).' }),
});

/** One thing found: what it is, where it belongs (unit and the plan's years) and how to reach it. */
export const searchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id,
  title: z.string(),
  detail: z.string().nullable().meta({
    description:
      "A plan's or review's diarienummer, an activity's or recommendation's number, a person's e-mail address.",
  }),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  startYear: z.int().nullable(),
  endYear: z.int().nullable(),
  planId: id.nullable(),
  riskId: id.nullable().meta({ description: 'The risk a control or action belongs to.' }),
  reviewId: id.nullable().meta({ description: 'The review a recommendation belongs to.' }),
});

export const searchGroup = z.object({
  kind: z.enum(SEARCH_KINDS),
  items: z.array(searchHit),
  more: z.boolean().meta({ description: 'More of this kind matched than the limit shows.' }),
});

export const searchResults = z.object({
  q: z.string(),
  groups: z.array(searchGroup).meta({ description: 'Only the kinds with hits, in a fixed order; best hits first.' }),
});

export type SearchHit = z.infer<typeof searchHit>;
export type SearchResults = z.infer<typeof searchResults>;
