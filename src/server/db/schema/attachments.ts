import { pgTable, text, uuid, integer, timestamp, primaryKey, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { archivable, tenantKey, tenantReference } from './columns.ts';
import { controlResults } from './control-results.ts';
import { deviations } from './deviations.ts';
import { followUps } from './follow-ups.ts';
import { plans } from './plans.ts';
import { recommendations } from './recommendations.ts';
import { reviews } from './reviews.ts';
import { users } from './users.ts';
import { bytea, exactlyOne, inList } from './sql-helpers.ts';

export const ATTACHMENT_STORAGES = ['database', 'object_storage'] as const;

/**
 * An evidence file (underlag) on a plan, follow-up, control result, deviation, review or
 * recommendation, e.g. the signed protocol extract. Stored in the database (`content`) so one
 * backup holds everything, or in S3-compatible object storage (`objectKey`). Archived, never deleted.
 */
export const attachments = pgTable(
  'attachments',
  {
    ...tenantKey(),
    planId: uuid(),
    followUpId: uuid(),
    controlResultId: uuid(),
    deviationId: uuid(),
    reviewId: uuid(),
    recommendationId: uuid(),
    fileName: text().notNull(),
    /** As found in the content, not as the browser claimed. */
    contentType: text().notNull(),
    byteSize: integer().notNull(),
    /** Hex SHA-256 of the file. */
    sha256: text().notNull(),
    storage: text({ enum: ATTACHMENT_STORAGES }).notNull(),
    content: bytea(),
    objectKey: text(),
    description: text(),
    uploadedById: uuid(),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ...archivable(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('attachments_plan_fk', t, t.planId, plans),
    tenantReference('attachments_follow_up_fk', t, t.followUpId, followUps),
    tenantReference('attachments_control_result_fk', t, t.controlResultId, controlResults),
    tenantReference('attachments_deviation_fk', t, t.deviationId, deviations),
    tenantReference('attachments_review_fk', t, t.reviewId, reviews),
    tenantReference('attachments_recommendation_fk', t, t.recommendationId, recommendations),
    tenantReference('attachments_uploaded_by_fk', t, t.uploadedById, users),
    check(
      'attachments_one_target',
      exactlyOne(t.planId, t.followUpId, t.controlResultId, t.deviationId, t.reviewId, t.recommendationId),
    ),
    check('attachments_storage_check', inList(t.storage, ATTACHMENT_STORAGES)),
    check(
      'attachments_stored_somewhere',
      sql`(${t.storage} = 'database' and ${t.content} is not null) or (${t.storage} = 'object_storage' and ${t.objectKey} is not null)`,
    ),
    index('attachments_plan_idx').on(t.tenantId, t.planId),
    index('attachments_follow_up_idx').on(t.tenantId, t.followUpId),
    index('attachments_control_result_idx').on(t.tenantId, t.controlResultId),
    index('attachments_deviation_idx').on(t.tenantId, t.deviationId),
    index('attachments_review_idx').on(t.tenantId, t.reviewId),
    index('attachments_recommendation_idx').on(t.tenantId, t.recommendationId),
  ],
);
