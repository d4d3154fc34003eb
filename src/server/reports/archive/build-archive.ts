import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import { queryRows, readTogether, type Database } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities, subActivities } from '../../db/schema/activities.ts';
import { attachments } from '../../db/schema/attachments.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { checkpoints } from '../../db/schema/checkpoints.ts';
import { controlResults } from '../../db/schema/control-results.ts';
import { controls } from '../../db/schema/controls.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { issuedReports } from '../../db/schema/issued-reports.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { planNotes } from '../../db/schema/plan-notes.ts';
import { planVersions } from '../../db/schema/plan-versions.ts';
import { plans } from '../../db/schema/plans.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { reportDecisions } from '../../db/schema/report-decisions.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { risks } from '../../db/schema/risks.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { packageVersion } from '../../paths.ts';
import { loadPlanFacts, type PlanFacts } from '../../plan-model/plan-facts.ts';
import { generateReport } from '../generate-report.ts';
import { archiveLabels } from './archive-labels.ts';
import {
  dublinCore,
  packageMets,
  premis,
  REPRESENTATIONS,
  type MetadataFile,
  type PackageFile,
  type PackageHeader,
  type PremisEvent,
} from './mets.ts';
import { loadControlResults, planDataFiles, toCsv, type ControlResultRecord } from './plan-data.ts';
import { ZipWriter, type ByteSink } from './zip-writer.ts';

// Årsarkiv: one package per unit and year, or for the whole tenant, for the municipality's
// e-archive. First `resolveArchive` finds what goes in (and refuses a request that names nothing
// to archive, before a byte is written); then `writeArchive` makes each file in turn, hashes it
// and streams it into the ZIP, and writes the manifests last, when every checksum is known.

export interface ArchiveRequest {
  /** One unit; none for every unit of the tenant. */
  unitId?: string | undefined;
  /** As given: "2026". */
  year: string;
  locale: 'sv' | 'en';
}

interface ArchivedPlan {
  id: string;
  kind: 'internal_control' | 'activity';
  title: string;
  startYear: number;
  endYear: number;
  /** The frozen versions, oldest first; empty for a plan adopted before versions were kept. */
  revisions: number[];
}

interface ArchivedIssue {
  id: string;
  kind: string;
  period: string;
  format: string;
  title: string;
  fileName: string;
  contentType: string;
  sha256: string;
  issuedAt: Date;
  issuedBy: string;
}

interface ArchivedUnit {
  id: string;
  name: string;
  folder: string;
  plans: ArchivedPlan[];
  issued: ArchivedIssue[];
}

/** What a package holds, decided before anything is written. */
export interface ArchiveScope {
  tenant: { id: string; slug: string; name: string };
  year: number;
  locale: 'sv' | 'en';
  /** The whole tenant, or the one unit asked for. */
  wholeTenant: boolean;
  units: ArchivedUnit[];
  generatedAt: string;
  objid: string;
  fileName: string;
  /** How many files `writeArchive` makes, for progress. */
  steps: number;
}

export interface ArchiveProgress {
  done: number;
  total: number;
  /** What was just written, e.g. the file's path in the package. */
  step: string;
}

export interface ArchiveSummary {
  files: number;
  bytes: number;
  notPdfA: number;
}

/**
 * What the package of a unit (or the tenant) and year holds. The caller must read the unit; a
 * year that is not four digits is a 400 at `year`, a unit that is not there a 404 at `unit`,
 * and a unit (or tenant) with no adopted plan and no issued report for the year a 404 at `year`.
 */
export async function resolveArchive(db: Database, access: Access, request: ArchiveRequest): Promise<ArchiveScope> {
  if (!/^\d{4}$/.test(request.year)) {
    const message = localize((m) => m.archives.year);
    throw new AppError('validation_failed', message, [{ path: 'year', message }]);
  }
  const year = Number(request.year);
  const [tenant] = await db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, access.tenantId));
  if (!tenant) throw new AppError('not_found');
  const readable = access.readableUnitIds();
  if (request.unitId !== undefined && !access.canRead(request.unitId)) throw unitNotFound();
  const unitRows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.tenantId, tenant.id),
        isNull(orgUnits.archivedAt),
        request.unitId !== undefined ? eq(orgUnits.id, request.unitId) : undefined,
        readable === 'all' ? undefined : inArray(orgUnits.id, readable),
      ),
    )
    .orderBy(asc(orgUnits.name));
  if (request.unitId !== undefined && unitRows.length === 0) throw unitNotFound();
  const unitIds = unitRows.map((unit) => unit.id);
  const planRows = await db
    .select({
      id: plans.id,
      unitId: plans.unitId,
      kind: plans.kind,
      title: plans.title,
      startYear: plans.startYear,
      endYear: plans.endYear,
    })
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, tenant.id),
        inArray(plans.unitId, unitIds),
        ne(plans.state, 'draft'),
        isNull(plans.archivedAt),
        sql`${plans.startYear} <= ${year} and ${plans.endYear} >= ${year}`,
      ),
    )
    .orderBy(asc(plans.kind), asc(plans.startYear), asc(plans.title));
  const versionRows = await db
    .select({ planId: planVersions.planId, revision: planVersions.revision })
    .from(planVersions)
    .where(
      and(
        eq(planVersions.tenantId, tenant.id),
        inArray(
          planVersions.planId,
          planRows.map((plan) => plan.id),
        ),
      ),
    )
    .orderBy(asc(planVersions.revision));
  const issuedRows = await db
    .select({
      id: issuedReports.id,
      unitId: issuedReports.unitId,
      kind: issuedReports.kind,
      period: issuedReports.period,
      format: issuedReports.format,
      title: issuedReports.title,
      fileName: issuedReports.fileName,
      contentType: issuedReports.contentType,
      sha256: issuedReports.sha256,
      issuedAt: issuedReports.issuedAt,
      issuedBy: users.name,
    })
    .from(issuedReports)
    .innerJoin(users, and(eq(users.tenantId, issuedReports.tenantId), eq(users.id, issuedReports.issuedById)))
    .where(and(eq(issuedReports.tenantId, tenant.id), inArray(issuedReports.unitId, unitIds)))
    .orderBy(asc(issuedReports.issuedAt), asc(issuedReports.id));
  const folders = new Set<string>();
  const units: ArchivedUnit[] = unitRows
    .map((unit) => ({
      id: unit.id,
      name: unit.name,
      folder: uniqueName(folders, fileSafe(unit.name) || 'unit'),
      plans: planRows
        .filter((plan) => plan.unitId === unit.id)
        .map((plan) => ({
          id: plan.id,
          kind: plan.kind,
          title: plan.title,
          startYear: plan.startYear,
          endYear: plan.endYear,
          revisions: versionRows.filter((version) => version.planId === plan.id).map((version) => version.revision),
        })),
      issued: issuedRows.filter((issued) => issued.unitId === unit.id && periodCoversYear(issued.period, year)),
    }))
    .filter((unit) => unit.plans.length > 0 || unit.issued.length > 0);
  if (units.length === 0) {
    const message =
      request.unitId !== undefined
        ? localize((m) => m.archives.noPlan(unitRows[0]!.name, year))
        : localize((m) => m.archives.nothingInYear(year));
    throw new AppError('not_found', message, [{ path: 'year', message }]);
  }
  const generatedAt = access.clock.now().toISOString();
  const stamp = generatedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const scopeName = request.unitId !== undefined ? units[0]!.folder : 'hela';
  const objid = `arsarkiv-${tenant.slug}-${scopeName}-${year}-${stamp}`;
  const steps = units.reduce(
    (sum, unit) =>
      sum +
      unit.plans.reduce((plansSum, plan) => plansSum + Math.max(plan.revisions.length, 1) + 1, 0) +
      unit.issued.length +
      1,
    // The manifests and the documentation.
    1,
  );
  return {
    tenant,
    year,
    locale: request.locale,
    wholeTenant: request.unitId === undefined,
    units,
    generatedAt,
    objid,
    fileName: `${objid}.zip`,
    steps,
  };
}

/**
 * Writes the package as a ZIP into `sink`: the PDF/A of every plan revision, the issued reports'
 * exact bytes, the plans' data, the audit events, then the documentation and the manifests.
 */
export async function writeArchive(
  db: Database,
  access: Access,
  scope: ArchiveScope,
  sink: ByteSink,
  onProgress: (progress: ArchiveProgress) => void = () => {},
): Promise<ArchiveSummary> {
  const labels = archiveLabels[scope.locale];
  const zip = new ZipWriter(sink, new Date(scope.generatedAt));
  const root = scope.objid;
  const files: PackageFile[] = [];
  const events: PremisEvent[] = [];
  const generated: string[] = [];
  let done = 0;
  let bytes = 0;
  const put = async (file: Omit<PackageFile, 'size' | 'sha256'>, content: Uint8Array, compress: boolean) => {
    const entry = { ...file, size: content.length, sha256: sha256(content) };
    files.push(entry);
    bytes += content.length;
    await zip.add(`${root}/${file.path}`, content, compress);
    return entry;
  };
  const step = (path: string) => onProgress({ done: ++done, total: scope.steps, step: path });
  const readmeUnits: Parameters<typeof labels.readme>[0]['units'] = [];
  const notPdfA: string[] = [];
  const planData = planDataReader(db, scope);
  const auditOf = auditReader(db, scope);
  // The plans' PDF/A, made in the order they are written and a few ahead: while one is typeset
  // (in a worker thread) the next ones' data are read, so the two overlap.
  const planPdfs = inOrderAhead(
    scope.units.flatMap((unit) =>
      unit.plans.flatMap((plan) =>
        (plan.revisions.length > 0 ? plan.revisions : [null]).map((revision) => ({ unit, plan, revision })),
      ),
    ),
    PDFS_AHEAD,
    async ({ unit, plan, revision }) =>
      generateReport(db, access, {
        livePlanFacts: (await planData(plan.id)).facts,
        kind: plan.kind === 'internal_control' ? 'plan' : 'activity-plan',
        unitId: unit.id,
        period: plan.startYear === plan.endYear ? `${plan.startYear}` : `${plan.startYear}-${plan.endYear}`,
        format: 'pdf',
        locale: scope.locale,
        archival: true,
        planId: plan.id,
        revision: revision ?? undefined,
      }),
  );

  for (const unit of scope.units) {
    const documents = `representations/${REPRESENTATIONS.documents}/data/${unit.folder}`;
    const datasets = `representations/${REPRESENTATIONS.datasets}/data/${unit.folder}`;
    const planFolders = new Set<string>();
    const planLines: string[] = [];
    for (const plan of unit.plans) {
      const planFolder = uniqueName(planFolders, fileSafe(plan.title) || 'plan');
      const revisions = plan.revisions.length > 0 ? plan.revisions : [null];
      for (const revision of revisions) {
        const report = await planPdfs.next();
        const path = `${documents}/plans/${planFolder}-${revision === null ? 'antagen' : `revision-${revision}`}.pdf`;
        // Rendered as PDF/A-2a; checked rather than assumed, so the manifest never claims what the file is not.
        const pdfa = pdfaOf(report.bytes);
        if (!pdfa) throw new Error(`The archival PDF of ${plan.title} does not declare PDF/A.`);
        await put(
          {
            path,
            group: 'documents',
            mimeType: 'application/pdf',
            created: scope.generatedAt,
            formatName: pdfa,
            use: pdfa,
          },
          report.bytes,
          false,
        );
        generated.push(path);
        planLines.push(`${labels.planRevision(plan.title, revision)}: ${path}`);
        step(path);
      }
      const { facts, results } = await planData(plan.id);
      for (const data of planDataFiles(facts.get(plan.id)!, results.get(plan.id)!, scope.generatedAt)) {
        const path = `${datasets}/${planFolder}/${data.name}`;
        await put(
          { path, group: 'datasets', mimeType: data.mimeType, created: scope.generatedAt, formatName: data.formatName },
          Buffer.from(data.text, 'utf8'),
          true,
        );
        generated.push(path);
      }
      step(`${datasets}/${planFolder}/`);
    }

    const issuedFiles = new Set<string>();
    for (const issued of unit.issued) {
      const [row] = await db
        .select({ content: issuedReports.content })
        .from(issuedReports)
        .where(and(eq(issuedReports.tenantId, scope.tenant.id), eq(issuedReports.id, issued.id)));
      const content = row!.content;
      const date = issued.issuedAt.toISOString().slice(0, 10);
      const path = `${documents}/issued-reports/${uniqueName(issuedFiles, `${date}-${issued.fileName}`)}`;
      const pdfa = issued.contentType === 'application/pdf' ? pdfaOf(content) : null;
      const formatName = pdfa ?? issued.format.toUpperCase();
      const note = pdfa ? undefined : labels.notPdfA(formatName);
      await put(
        {
          path,
          group: 'documents',
          mimeType: issued.contentType,
          created: issued.issuedAt.toISOString(),
          formatName,
          use: pdfa ?? labels.originalUse,
          note,
        },
        content,
        false,
      );
      if (!pdfa) notPdfA.push(path);
      events.push({
        id: `issued-${issued.id}`,
        type: 'creation',
        dateTime: issued.issuedAt.toISOString(),
        bySoftware: false,
        detail: `${issued.title} (${issued.kind}, ${issued.period}), ${issued.issuedBy}; SHA-256 ${issued.sha256}`,
        objects: [path],
      });
      step(path);
    }

    const audit = await auditOf(unit);
    const auditJson = JSON.stringify(
      { format: 'uppsikt-audit-events', formatVersion: 1, unit: unit.name, year: scope.year, events: audit },
      null,
      2,
    );
    for (const [name, text, mimeType, formatName] of [
      ['audit-events.json', `${auditJson}\n`, 'application/json', 'JSON'],
      ['audit-events.csv', auditCsv(audit), 'text/csv', 'CSV'],
    ] as const) {
      const path = `${datasets}/${name}`;
      await put(
        { path, group: 'datasets', mimeType, created: scope.generatedAt, formatName },
        Buffer.from(text, 'utf8'),
        true,
      );
      generated.push(path);
    }
    step(`${datasets}/audit-events`);
    readmeUnits.push({ name: unit.name, folder: unit.folder, plans: planLines, issued: unit.issued.length });
  }

  const scopeName = scope.wholeTenant ? scope.tenant.name : `${scope.units[0]!.name}, ${scope.tenant.name}`;
  const header: PackageHeader = {
    objid: scope.objid,
    label: labels.packageTitle(scope.year, scopeName),
    createdAt: scope.generatedAt,
    software: { name: 'Uppsikt', version: packageVersion },
    archivist: scope.tenant.name,
  };
  const readmePath = `documentation/${scope.locale === 'sv' ? 'las-mig' : 'readme'}.txt`;
  await put(
    {
      path: readmePath,
      group: 'documentation',
      mimeType: 'text/plain',
      created: scope.generatedAt,
      formatName: 'Plain text (UTF-8)',
    },
    Buffer.from(
      labels.readme({
        title: header.label,
        objid: scope.objid,
        generatedAt: scope.generatedAt,
        units: readmeUnits,
        notPdfA,
      }),
      'utf8',
    ),
    true,
  );
  generated.push(readmePath);
  events.unshift({
    id: 'package-creation',
    type: 'creation',
    dateTime: scope.generatedAt,
    bySoftware: true,
    detail: header.label,
    objects: generated,
  });

  const metadata: MetadataFile[] = [];
  const putMetadata = async (
    path: string,
    kind: MetadataFile['kind'],
    mdType: MetadataFile['mdType'],
    text: string,
  ): Promise<void> => {
    const content = Buffer.from(text, 'utf8');
    metadata.push({
      path,
      kind,
      mdType,
      mimeType: 'application/xml',
      size: content.length,
      sha256: sha256(content),
      created: scope.generatedAt,
    });
    bytes += content.length;
    await zip.add(`${root}/${path}`, content, true);
  };
  await putMetadata(
    'metadata/descriptive/dc.xml',
    'descriptive',
    'DC',
    dublinCore({
      identifier: scope.objid,
      title: header.label,
      creator: scopeName,
      subjects: labels.subjects,
      description: labels.description(scope.year),
      date: String(scope.year),
      language: scope.locale === 'sv' ? 'swe' : 'eng',
      coverage: String(scope.year),
    }),
  );
  await putMetadata('metadata/preservation/premis.xml', 'preservation', 'PREMIS', premis(header, files, events));
  const mets = Buffer.from(packageMets(header, metadata, files), 'utf8');
  bytes += mets.length;
  await zip.add(`${root}/METS.xml`, mets, true);
  await zip.finish();
  step('METS.xml');
  return { files: files.length + metadata.length + 1, bytes, notPdfA: notPdfA.length };
}

/** How many plans' data the archive reads at once: a few queries for many plans, and memory bounded. */
const PLANS_PER_READ = 4;

/** How many plans' PDFs are made ahead of the one being written. */
const PDFS_AHEAD = 1;

/**
 * The plans' facts and control results, read a batch at a time in the order the package writes
 * the plans: asking for a plan in neither of the two batches held reads it with the plans that
 * follow it and lets the older batch go (the PDFs made ahead may ask for the next batch while
 * the current plan's data files are still to be written).
 */
function planDataReader(db: Database, scope: ArchiveScope) {
  interface Batch {
    facts: Map<string, PlanFacts>;
    results: Map<string, ControlResultRecord[]>;
  }
  const order = scope.units.flatMap((unit) => unit.plans.map((plan) => plan.id));
  const held: Promise<Batch>[] = [];
  const ids = new Map<Promise<Batch>, string[]>();
  return async (planId: string): Promise<Batch> => {
    const holding = held.find((batch) => ids.get(batch)!.includes(planId));
    if (holding) return holding;
    const start = order.indexOf(planId);
    const batchIds = order.slice(start, start + PLANS_PER_READ);
    const batch = readTogether(
      db,
      () => loadPlanFacts(db, scope.tenant.id, batchIds, scope.locale),
      () => loadControlResults(db, scope.tenant.id, batchIds, scope.locale),
    ).then(([facts, results]) => ({ facts: new Map(facts.map((plan, index) => [batchIds[index]!, plan])), results }));
    ids.set(batch, batchIds);
    held.push(batch);
    if (held.length > 2) ids.delete(held.shift()!);
    return batch;
  };
}

/**
 * The results of `make` for each item, in the items' order, with up to `ahead` items begun
 * before their turn. A failure is reported at its item's turn (never as an unhandled rejection
 * of a promise begun ahead).
 */
export function inOrderAhead<T, R>(items: readonly T[], ahead: number, make: (item: T) => Promise<R>) {
  const begun: Promise<R>[] = [];
  let turn = 0;
  return {
    next(): Promise<R> {
      if (turn >= items.length) throw new Error('inOrderAhead: no item left');
      while (begun.length < Math.min(items.length, turn + 1 + ahead)) {
        const promise = make(items[begun.length]!);
        // Handled at its turn; this keeps a failure ahead from being reported as unhandled before then.
        promise.catch(() => {});
        begun.push(promise);
      }
      return begun[turn++]!;
    },
  };
}

/** One audit event as the archive keeps it: who (by name, or the system's label), when, what, and the changes. */
export interface ArchivedAuditEvent {
  occurredAt: string;
  actorKind: string;
  actor: string | null;
  viaApiToken: boolean;
  entityType: string;
  entityId: string;
  operation: string;
  changes: unknown;
}

/** How many units' audit events the archive reads at once. */
const UNITS_PER_AUDIT_READ = 10;

/** The units' audit events, read for several units at once in the order the package writes them. */
function auditReader(db: Database, scope: ArchiveScope) {
  let batch = new Map<string, ArchivedAuditEvent[]>();
  return async (unit: ArchivedUnit): Promise<ArchivedAuditEvent[]> => {
    if (!batch.has(unit.id)) {
      const start = scope.units.indexOf(unit);
      batch = await loadAuditEvents(db, scope.tenant.id, scope.units.slice(start, start + UNITS_PER_AUDIT_READ));
    }
    return batch.get(unit.id)!;
  };
}

/**
 * The audit events of the units' plans' data (the plans, their versions, risks, controls,
 * actions, activities, follow-ups, checkpoints, results, deviations, reviews, recommendations,
 * notes and the evidence files on any of them) and of their issued reports and the decisions on them, oldest first,
 * by unit. Each row of that data is found with the plan (or issued report) it belongs to, so one
 * query serves many units. The audit log holds no secrets, and only these entities' events are read.
 */
async function loadAuditEvents(
  db: Database,
  tenantId: string,
  units: readonly ArchivedUnit[],
): Promise<Map<string, ArchivedAuditEvent[]>> {
  const byUnit = new Map<string, ArchivedAuditEvent[]>(units.map((unit) => [unit.id, []]));
  const unitOfOwner = new Map<string, string>();
  for (const unit of units) {
    for (const plan of unit.plans) unitOfOwner.set(plan.id, unit.id);
    for (const issued of unit.issued) unitOfOwner.set(issued.id, unit.id);
  }
  const planIds = units.flatMap((unit) => unit.plans.map((plan) => plan.id));
  const issuedIds = units.flatMap((unit) => unit.issued.map((issued) => issued.id));
  if (planIds.length === 0 && issuedIds.length === 0) return byUnit;
  const t = tenantId;
  // Every row of the plans' data with the plan it belongs to (its owner).
  const rows = await queryRows<{
    owner: string;
    occurred_at: string | Date;
    actor_kind: string;
    actor_name: string | null;
    actor_label: string | null;
    actor_token_id: string | null;
    entity_type: string;
    entity_id: string;
    operation: string;
    changes: unknown;
  }>(
    db,
    sql`with items(id, plan_id) as (
          select ${controls.id}, ${controls.planId} from ${controls} where ${controls.tenantId} = ${t} and ${inArray(controls.planId, planIds)}
          union all select ${actions.id}, ${actions.planId} from ${actions} where ${actions.tenantId} = ${t} and ${inArray(actions.planId, planIds)}
          union all select ${activities.id}, ${activities.planId} from ${activities} where ${activities.tenantId} = ${t} and ${inArray(activities.planId, planIds)}
        ),
        plan_follow_ups(id, plan_id) as (
          select f.id, items.plan_id from ${followUps} f join items
            on coalesce(f.control_id, f.action_id, f.activity_id) = items.id where f.tenant_id = ${t}
        ),
        plan_results(id, plan_id) as (
          select r.id, items.plan_id from ${controlResults} r join items on r.control_id = items.id where r.tenant_id = ${t}
        ),
        plan_deviations(id, plan_id) as (
          select d.id, items.plan_id from ${deviations} d join items on d.control_id = items.id where d.tenant_id = ${t}
        ),
        plan_reviews(id, plan_id) as (
          select ${reviews.id}, ${reviews.planId} from ${reviews} where ${reviews.tenantId} = ${t} and ${inArray(reviews.planId, planIds)}
        ),
        plan_recommendations(id, plan_id) as (
          select r.id, plan_reviews.plan_id from ${recommendations} r join plan_reviews on r.review_id = plan_reviews.id where r.tenant_id = ${t}
        ),
        ids(id, owner) as (
          select ${plans.id}, ${plans.id} from ${plans} where ${plans.tenantId} = ${t} and ${inArray(plans.id, planIds)}
          union all select ${planVersions.id}, ${planVersions.planId} from ${planVersions} where ${planVersions.tenantId} = ${t} and ${inArray(planVersions.planId, planIds)}
          union all select ${risks.id}, ${risks.planId} from ${risks} where ${risks.tenantId} = ${t} and ${inArray(risks.planId, planIds)}
          union all select id, plan_id from items
          union all select s.id, items.plan_id from ${subActivities} s join items on s.activity_id = items.id where s.tenant_id = ${t}
          union all select c.id, items.plan_id from ${checkpoints} c join items
            on coalesce(c.control_id, c.action_id, c.activity_id) = items.id where c.tenant_id = ${t}
          union all select id, plan_id from plan_follow_ups
          union all select id, plan_id from plan_results
          union all select id, plan_id from plan_deviations
          union all select id, plan_id from plan_reviews
          union all select id, plan_id from plan_recommendations
          union all select ${planNotes.id}, ${planNotes.planId} from ${planNotes} where ${planNotes.tenantId} = ${t} and ${inArray(planNotes.planId, planIds)}
          union all select a.id, a.plan_id from ${attachments} a where a.tenant_id = ${t} and ${inArray(sql`a.plan_id`, planIds)}
          union all select a.id, o.plan_id from ${attachments} a join plan_follow_ups o on a.follow_up_id = o.id where a.tenant_id = ${t}
          union all select a.id, o.plan_id from ${attachments} a join plan_results o on a.control_result_id = o.id where a.tenant_id = ${t}
          union all select a.id, o.plan_id from ${attachments} a join plan_deviations o on a.deviation_id = o.id where a.tenant_id = ${t}
          union all select a.id, o.plan_id from ${attachments} a join plan_reviews o on a.review_id = o.id where a.tenant_id = ${t}
          union all select a.id, o.plan_id from ${attachments} a join plan_recommendations o on a.recommendation_id = o.id where a.tenant_id = ${t}
          union all select ${issuedReports.id}, ${issuedReports.id} from ${issuedReports} where ${issuedReports.tenantId} = ${t} and ${inArray(issuedReports.id, issuedIds)}
          union all select ${reportDecisions.id}, ${reportDecisions.issuedReportId} from ${reportDecisions} where ${reportDecisions.tenantId} = ${t} and ${inArray(reportDecisions.issuedReportId, issuedIds)}
        )
        select ids.owner, event.occurred_at, event.actor_kind, person.name as actor_name, event.actor_label, event.actor_token_id,
               event.entity_type, event.entity_id, event.operation, event.changes
          from ${auditEvents} event
          join ids on ids.id = event.entity_id
          left join ${users} person on person.tenant_id = event.tenant_id and person.id = event.actor_user_id
         where event.tenant_id = ${t}
         order by event.occurred_at, event.id`,
  );
  for (const row of rows) {
    byUnit.get(unitOfOwner.get(row.owner)!)!.push({
      occurredAt: new Date(row.occurred_at).toISOString(),
      actorKind: row.actor_kind,
      actor: row.actor_name ?? row.actor_label,
      viaApiToken: row.actor_token_id !== null,
      entityType: row.entity_type,
      entityId: row.entity_id,
      operation: row.operation,
      changes: row.changes,
    });
  }
  return byUnit;
}

function auditCsv(events: ArchivedAuditEvent[]): string {
  return toCsv([
    ['occurredAt', 'actorKind', 'actor', 'viaApiToken', 'entityType', 'entityId', 'operation', 'changes'],
    ...events.map((event) => [
      event.occurredAt,
      event.actorKind,
      event.actor,
      event.viaApiToken,
      event.entityType,
      event.entityId,
      event.operation,
      JSON.stringify(event.changes),
    ]),
  ]);
}

/** "PDF/A-2A" when the PDF's XMP metadata declares PDF/A (pdfaid:part and pdfaid:conformance), else null. */
export function pdfaOf(pdf: Uint8Array): string | null {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const part = /pdfaid:part(?:>|\s*=\s*["'])\s*(\d)/.exec(text)?.[1];
  if (!part) return null;
  const conformance = /pdfaid:conformance(?:>|\s*=\s*["'])\s*([ABUabu])/.exec(text)?.[1];
  return `PDF/A-${part}${conformance ? conformance.toUpperCase() : ''}`;
}

/** Whether an issued report's period ("2026", "2025-2026", "2026-Q3", "2026-H1" …) covers the year. */
export function periodCoversYear(period: string, year: number): boolean {
  const range = /^(\d{4})-(\d{4})$/.exec(period);
  if (range) return Number(range[1]) <= year && year <= Number(range[2]);
  return /^\d{4}/.test(period) && Number(period.slice(0, 4)) === year;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function unitNotFound(): AppError {
  const message = localize((m) => m.problemTitles.not_found);
  return new AppError('not_found', message, [{ path: 'unit', message }]);
}

/** A folder or file name without spaces or signs some systems refuse; å, ä and ö lose their dots. */
export function fileSafe(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .toLowerCase();
}

/** The name, or the name with "-2", "-3" … when it is taken already (two units or plans of the same name). */
function uniqueName(taken: Set<string>, name: string): string {
  let candidate = name;
  for (let number = 2; taken.has(candidate); number++) {
    const dot = name.lastIndexOf('.');
    candidate = dot > 0 ? `${name.slice(0, dot)}-${number}${name.slice(dot)}` : `${name}-${number}`;
  }
  taken.add(candidate);
  return candidate;
}
