import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { ancestorUnitIds } from '../access/unit-tree.ts';
import type { Transaction } from '../db/client.ts';
import { assignments } from '../db/schema/assignments.ts';
import { controls } from '../db/schema/controls.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { plans } from '../db/schema/plans.ts';
import { roleAssignments } from '../db/schema/role-assignments.ts';
import { users } from '../db/schema/users.ts';
import { vocabularyEntries } from '../db/schema/vocabulary-entries.ts';
import { queueMessages } from '../mail/outbox.ts';
import { messagesIn } from '../messages/messages.ts';

/**
 * A deviation must reach the responsible manager and the nämnd promptly: the people responsible
 * for the control and the coordinators of its unit (or a unit above it) get a message at once,
 * in the same transaction as the deviation.
 */
export async function notifyDeviation(
  tx: Transaction,
  deviation: {
    tenantId: string;
    id: string;
    controlId: string;
    title: string;
    description: string | null;
    severityId: string;
    foundOn: string;
  },
  foundByName: string | null,
): Promise<number> {
  const { tenantId } = deviation;
  const [control] = await tx
    .select({ title: controls.title, planTitle: plans.title, unitId: plans.unitId, unitName: orgUnits.name })
    .from(controls)
    .innerJoin(plans, and(eq(plans.tenantId, controls.tenantId), eq(plans.id, controls.planId)))
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, plans.tenantId), eq(orgUnits.id, plans.unitId)))
    .where(and(eq(controls.tenantId, tenantId), eq(controls.id, deviation.controlId)));
  const [severity] = await tx
    .select({
      labelSv: vocabularyEntries.labelSv,
      labelEn: vocabularyEntries.labelEn,
      reportImmediately: vocabularyEntries.reportImmediately,
    })
    .from(vocabularyEntries)
    .where(and(eq(vocabularyEntries.tenantId, tenantId), eq(vocabularyEntries.id, deviation.severityId)));
  if (!control || !severity) return 0;
  const responsible = await tx
    .select({ userId: assignments.userId })
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        eq(assignments.controlId, deviation.controlId),
        eq(assignments.role, 'responsible'),
      ),
    );
  const coordinators = await tx
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.tenantId, tenantId),
        inArray(roleAssignments.unitId, await ancestorUnitIds(tx, tenantId, control.unitId)),
        eq(roleAssignments.role, 'coordinator'),
        isNull(roleAssignments.revokedAt),
      ),
    );
  const ids = [...new Set([...responsible, ...coordinators].map((row) => row.userId))];
  if (ids.length === 0) return 0;
  const people = await tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(
      and(eq(users.tenantId, tenantId), inArray(users.id, ids), isNotNull(users.email), isNull(users.deactivatedAt)),
    );
  return queueMessages(
    tx,
    people.map((person) => {
      const words = messagesIn(person.locale).deviationMail;
      const severityLabel = person.locale === 'sv' ? severity.labelSv : severity.labelEn;
      const lines = [
        words.greeting(person.name),
        '',
        words.reported(control.title, control.planTitle, control.unitName),
        '',
        words.deviation(deviation.title),
        words.severity(severityLabel),
        ...(severity.reportImmediately ? [words.reportImmediately] : []),
        foundByName ? words.foundBy(deviation.foundOn, foundByName) : words.found(deviation.foundOn),
        ...(deviation.description ? ['', deviation.description] : []),
        '',
        words.closing,
      ];
      return {
        tenantId,
        kind: 'deviation' as const,
        dedupeKey: `deviation:${deviation.id}:${person.id}`,
        userId: person.id,
        toAddress: person.email!,
        subject: words.subject(severityLabel.toLowerCase(), deviation.title),
        body: lines.join('\n'),
      };
    }),
  );
}
