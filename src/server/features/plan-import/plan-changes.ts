import { createHash } from 'node:crypto';
import type { ImportEntity, ImportOutcome } from '../../../domain/plan-import.ts';
import { frequencyText, type ControlFrequency } from '../../../domain/control-frequency.ts';
import { REPORT_RECIPIENT_LABELS, type ReportRecipient } from '../../../domain/risk-response.ts';
import { foldWords } from '../../../domain/table-headings.ts';
import type { LocalizedText } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import type { ItemKey, TargetState } from './load-target.ts';
import type {
  ImportIssue,
  ImportedAction,
  ImportedActivity,
  ImportedControl,
  ImportedFollowUp,
  ImportedPlan,
  ImportedRisk,
  ImportedSubActivity,
  Origin,
} from './model.ts';
import { issueAt, ValueResolver, type PeriodRef, type PersonRef } from './resolve-values.ts';

/** A value as the preview shows it: a text, or a text in each language (a status label). */
export type ShownValue = string | null | LocalizedText;

export interface FieldChange {
  field: string;
  from: ShownValue;
  to: ShownValue;
}

/** One row of the preview: what importing one item of the file does. */
export interface PreviewRow {
  key: string;
  entity: ImportEntity;
  outcome: ImportOutcome;
  title: string;
  /** The title of what it belongs to (a control's risk, a follow-up's item). */
  parent: string | null;
  sheet: string | null;
  row: number | null;
  place: string | null;
  changes: FieldChange[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** Where a new row hangs: an existing row, or one the import creates (by its key). */
export type NodeRef = { existing: string } | { created: string };

type ScheduleValues = {
  responsible?: PersonRef[] | undefined;
  reporting?: PersonRef[] | undefined;
  checkpoints?: string[] | undefined;
};

/** A row to insert: its columns (parents by reference), and for items their people and checkpoints. */
export interface CreateOperation extends ScheduleValues {
  entity: Exclude<ImportEntity, 'person'>;
  key: string;
  values: Record<string, unknown>;
  risk?: NodeRef | null;
  activity?: NodeRef;
  item?: { kind: 'control' | 'action' | 'activity'; ref: NodeRef };
  period?: PeriodRef;
  author?: PersonRef | null;
  focusAreas?: string[] | undefined;
}

/** A row to change, if it still has the version it was read with. */
export interface UpdateOperation extends ScheduleValues {
  entity: Exclude<ImportEntity, 'person'>;
  key: string;
  id: string;
  version: number;
  values: Record<string, unknown>;
  risk?: NodeRef | null;
  period?: PeriodRef;
  author?: PersonRef | null;
  focusAreas?: string[] | undefined;
}

export interface ArchiveOperation {
  entity: Exclude<ImportEntity, 'person'>;
  key: string;
  id: string;
  version: number;
}

/** What importing a file would do: the preview's rows and the writes behind them. */
export interface PlannedImport {
  rows: PreviewRow[];
  /** Problems not tied to a row the preview shows (a sheet the reader could not use). */
  errors: ImportIssue[];
  warnings: ImportIssue[];
  creates: CreateOperation[];
  updates: UpdateOperation[];
  archives: ArchiveOperation[];
  resolver: ValueResolver;
  fingerprint: string;
}

const ITEM_TABLE_FIELDS = {
  risk: ['title', 'description', 'processId', 'categoryId', 'cause', 'effect', 'likelihood', 'consequence'],
  control: [
    'title',
    'description',
    'methodId',
    'scope',
    'frequency',
    'reportingTime',
    'reportsTo',
    'statusId',
    'startDate',
    'endDate',
  ],
  action: ['title', 'whatToDo', 'measuresTaken', 'responsibleUnitId', 'statusId', 'startDate', 'endDate'],
  activity: [
    'number',
    'title',
    'description',
    'costAndResources',
    'performers',
    'statusId',
    'startDate',
    'endDate',
    'carryOver',
  ],
  subActivity: ['number', 'title', 'statusId', 'carryOver'],
  followUp: ['reportedOn', 'body', 'analysis', 'statusId'],
} as const;

/**
 * Compares what a file says with the plan as it is, row by row, and resolves every name and
 * value. Rows are matched by the id the round-trip workbook carries, else by title (a risk in
 * the plan, a control or action under its risk), number (an activity, a sub-activity) or period
 * and text (a follow-up). Nothing is written.
 */
export function planImport(file: ImportedPlan, state: TargetState): PlannedImport {
  return new Planner(file, state).run();
}

class Planner {
  private readonly resolver: ValueResolver;
  private readonly rows: PreviewRow[] = [];
  private readonly creates: CreateOperation[] = [];
  private readonly updates: UpdateOperation[] = [];
  private readonly archives: ArchiveOperation[] = [];
  private readonly errors: ImportIssue[] = [];
  private readonly warnings: ImportIssue[] = [];
  /** Existing rows matched by the file, by entity: an id is matched once. */
  private readonly matched = new Set<string>();
  private readonly rowByKey = new Map<string, PreviewRow>();
  private readonly sortOrders = new Map<string, number>();
  private counter = 0;

  constructor(
    private readonly file: ImportedPlan,
    private readonly state: TargetState,
  ) {
    this.resolver = new ValueResolver(state);
  }

  run(): PlannedImport {
    const kind = this.state.target.kind;
    if (kind === 'internal_control' && this.file.activities.length > 0 && this.file.risks.length === 0)
      this.errors.push(general(localize((m) => m.planImport.activitiesIntoInternalControlPlan)));
    if (
      kind === 'activity' &&
      (this.file.risks.length > 0 || this.file.actions.length > 0) &&
      this.file.activities.length === 0
    )
      this.errors.push(general(localize((m) => m.planImport.risksIntoActivityPlan)));
    if (
      this.file.planId !== undefined &&
      this.state.target.plan !== null &&
      this.file.planId !== this.state.target.plan.id
    )
      this.warnings.push(general(localize((m) => m.planImport.workbookOfAnotherPlan)));
    for (const issue of this.file.errors) this.errors.push(issue);
    for (const issue of this.file.warnings) this.warnings.push(issue);

    if (kind === 'internal_control') {
      for (const risk of this.file.risks) this.risk(risk);
      for (const action of this.file.actions) this.action(action, null, null);
    } else {
      for (const activity of this.file.activities) this.activity(activity);
    }
    if (this.file.complete) this.archiveMissing();
    this.attachReaderIssues();
    const fingerprint = this.fingerprint();
    return {
      rows: this.rows,
      errors: this.errors,
      warnings: this.warnings,
      creates: this.creates,
      updates: this.updates,
      archives: this.archives,
      resolver: this.resolver,
      fingerprint,
    };
  }

  // --- risks, controls, actions -------------------------------------------------------------

  private risk(risk: ImportedRisk) {
    const issues: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    const r = this.resolver;
    const likelihood = r.level(risk.likelihood, 'likelihood', risk.origin, issues);
    const consequence = r.level(risk.consequence, 'consequence', risk.origin, issues);
    const riskValue = r.number(risk.riskValue, 'riskValue', risk.origin, issues);
    if (typeof riskValue === 'number') {
      if (typeof likelihood === 'number' && typeof consequence === 'number') {
        if (likelihood * consequence !== riskValue)
          issues.push(
            issueAt(
              risk.origin,
              'riskValue',
              localize((m) => m.planImport.riskValueMismatch(riskValue, likelihood, consequence)),
            ),
          );
      } else if (likelihood === undefined && consequence === undefined && risk.likelihood === undefined)
        warnings.push(
          issueAt(
            risk.origin,
            'riskValue',
            localize((m) => m.planImport.riskValueWithoutAssessment(riskValue)),
          ),
        );
    }
    const values = defined({
      title: r.text(risk.title),
      description: r.text(risk.description),
      processId: r.entry('process', risk.process, 'process', risk.origin, warnings),
      categoryId: r.entry('risk_category', risk.category, 'category', risk.origin, warnings),
      cause: r.text(risk.cause),
      effect: r.text(risk.effect),
      likelihood,
      consequence,
    });
    if (!values.title)
      issues.push(
        issueAt(
          risk.origin,
          'title',
          localize((m) => m.planImport.titleRequired),
        ),
      );
    const existing = this.match(
      'risk',
      risk,
      this.state.risks,
      (row) => foldWords(row.title) === foldWords(risk.title),
    );
    const node = this.decide('risk', risk, existing, values, {}, issues, warnings, null, (field, value) =>
      this.showPlain(field, value),
    );
    const riskRef = node.ref;
    for (const control of risk.controls) this.control(control, riskRef, risk.title);
    for (const action of risk.actions) this.action(action, riskRef, risk.title);
  }

  private control(control: ImportedControl, riskRef: NodeRef | null, riskTitle: string) {
    const issues: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    const r = this.resolver;
    const how = r.method(control.method);
    const { frequency, unread } = r.frequency(control.frequency, 'frequency', control.origin, warnings);
    // A scope given on its own wins, else a method text that says more than the method; a frequency
    // no kind fits is kept with the scope, as written.
    const given = r.text(control.scope);
    const scope = given ?? how.scope ?? given;
    const values = defined({
      title: r.text(control.title),
      description: r.text(control.description),
      methodId: how.methodId,
      scope: unread === undefined ? scope : [scope, `Frekvens: ${unread}`].filter(Boolean).join('\n\n'),
      frequency,
      reportingTime: r.text(control.reportingTime),
      reportsTo: r.recipients(control.reportsTo, 'reportsTo', control.origin, warnings),
      ...this.scheduleValues(control, issues),
    });
    if (!values.title)
      issues.push(
        issueAt(
          control.origin,
          'title',
          localize((m) => m.planImport.titleRequired),
        ),
      );
    const riskId = riskRef && 'existing' in riskRef ? riskRef.existing : null;
    const existing = this.match(
      'control',
      control,
      this.state.controls,
      (row) => row.riskId === riskId && foldWords(row.title) === foldWords(control.title),
    );
    const schedule = this.scheduleRefs(control, issues);
    const node = this.decide(
      'control',
      control,
      existing,
      { ...values, ...(existing && riskId !== null && existing.riskId !== riskId ? { riskId } : {}) },
      schedule,
      issues,
      warnings,
      riskTitle,
      (field, value) => this.showScheduled(field, value),
      { risk: riskRef },
    );
    this.followUps(control.followUps, 'control', node.ref, control.title);
  }

  private action(action: ImportedAction, riskRef: NodeRef | null, riskTitle: string | null) {
    const issues: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    const r = this.resolver;
    const values = defined({
      title: r.text(action.title),
      whatToDo: r.text(action.whatToDo),
      measuresTaken: r.text(action.measuresTaken),
      responsibleUnitId: r.unit(action.responsibleUnit, 'responsibleUnit', action.origin, warnings),
      ...this.scheduleValues(action, issues),
    });
    if (!values.title)
      issues.push(
        issueAt(
          action.origin,
          'title',
          localize((m) => m.planImport.titleRequired),
        ),
      );
    const riskId = riskRef && 'existing' in riskRef ? riskRef.existing : null;
    const existing = this.match(
      'action',
      action,
      this.state.actions,
      (row) => row.riskId === riskId && foldWords(row.title) === foldWords(action.title),
    );
    const node = this.decide(
      'action',
      action,
      existing,
      {
        ...values,
        ...(existing && existing.riskId !== riskId && riskRef !== null && 'existing' in riskRef ? { riskId } : {}),
      },
      this.scheduleRefs(action, issues),
      issues,
      warnings,
      riskTitle,
      (field, value) => this.showScheduled(field, value),
      { risk: riskRef },
    );
    this.followUps(action.followUps, 'action', node.ref, action.title);
  }

  // --- activities ---------------------------------------------------------------------------

  private activity(activity: ImportedActivity) {
    const issues: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    const r = this.resolver;
    const values = defined({
      number: r.text(activity.number),
      title: r.text(activity.title),
      description: r.text(activity.description),
      costAndResources: r.text(activity.costAndResources),
      performers: r.text(activity.performers),
      carryOver: r.carryOver(activity.carryOver, 'carryOver', activity.origin, issues),
      ...this.scheduleValues(activity, issues),
    });
    if (!values.title)
      issues.push(
        issueAt(
          activity.origin,
          'title',
          localize((m) => m.planImport.titleRequired),
        ),
      );
    if (!values.number)
      issues.push(
        issueAt(
          activity.origin,
          'number',
          localize((m) => m.planImport.numberRequired),
        ),
      );
    const existing = this.match(
      'activity',
      activity,
      this.state.activities,
      (row) =>
        foldWords(row.number) === foldWords(activity.number) || foldWords(row.title) === foldWords(activity.title),
    );
    const node = this.decide(
      'activity',
      activity,
      existing,
      values,
      { ...this.scheduleRefs(activity, issues), focusAreas: r.focusAreas(activity.focusAreas) },
      issues,
      warnings,
      null,
      (field, value) => this.showScheduled(field, value),
    );
    for (const sub of activity.subActivities) this.subActivity(sub, node.ref, activity.title);
    this.followUps(activity.followUps, 'activity', node.ref, activity.title);
  }

  private subActivity(sub: ImportedSubActivity, activityRef: NodeRef, activityTitle: string) {
    const issues: ImportIssue[] = [];
    const r = this.resolver;
    const values = defined({
      number: r.text(sub.number),
      title: r.text(sub.title),
      statusId: r.status(sub.status, 'status', sub.origin, issues),
      carryOver: r.carryOver(sub.carryOver, 'carryOver', sub.origin, issues),
    });
    if (!values.title)
      issues.push(
        issueAt(
          sub.origin,
          'title',
          localize((m) => m.planImport.titleRequired),
        ),
      );
    const activityId = 'existing' in activityRef ? activityRef.existing : null;
    const existing = this.match(
      'subActivity',
      sub,
      this.state.subActivities,
      (row) => row.activityId === activityId && foldWords(row.number) === foldWords(sub.number),
    );
    this.decide(
      'subActivity',
      sub,
      existing,
      values,
      {},
      issues,
      [],
      activityTitle,
      (field, value) => this.showScheduled(field, value),
      { activity: activityRef },
    );
  }

  // --- follow-ups ---------------------------------------------------------------------------

  private followUps(
    list: ImportedFollowUp[],
    kind: 'control' | 'action' | 'activity',
    itemRef: NodeRef,
    itemTitle: string,
  ) {
    for (const followUp of list) {
      const issues: ImportIssue[] = [];
      const warnings: ImportIssue[] = [];
      const r = this.resolver;
      // A document that does not say the period (a year's review) reports on the plan's last year.
      const assumed = followUp.period.trim() === '' ? `Helår ${this.state.target.endYear}` : null;
      if (assumed !== null)
        warnings.push(
          issueAt(
            followUp.origin,
            'period',
            localize((m) => m.planImport.periodAssumed(this.state.target.endYear)),
          ),
        );
      const period = r.period(assumed ?? followUp.period, followUp.origin, issues);
      const author =
        followUp.author === undefined ? undefined : r.person(followUp.author, 'author', followUp.origin, issues);
      const values = defined({
        reportedOn: r.date(followUp.reportedOn, 'reportedOn', followUp.origin, issues),
        body: r.text(followUp.body),
        analysis: r.text(followUp.analysis),
        statusId: r.status(followUp.status, 'status', followUp.origin, issues),
      });
      if (!values.body)
        issues.push(
          issueAt(
            followUp.origin,
            'body',
            localize((m) => m.planImport.followUpTextRequired),
          ),
        );
      const itemId = 'existing' in itemRef ? itemRef.existing : null;
      const itemKey: ItemKey | null = itemId === null ? null : `${kind}:${itemId}`;
      const periodId = period && 'existing' in period ? period.existing : null;
      const existing = this.match('followUp', followUp, this.state.followUps, (row) => {
        if (itemKey === null || periodId === null) return false;
        const rowKey: ItemKey | null =
          row.controlId !== null
            ? `control:${row.controlId}`
            : row.actionId !== null
              ? `action:${row.actionId}`
              : `activity:${row.activityId!}`;
        return rowKey === itemKey && row.periodId === periodId && sameText(row.body, followUp.body);
      });
      const periodChange = existing && period && ('created' in period || period.existing !== existing.periodId);
      const authorId = author && 'existing' in author ? author.existing : author === null ? null : undefined;
      const authorChange =
        existing !== undefined &&
        author !== undefined &&
        (author === null ? existing.authorId !== null : 'created' in author || authorId !== existing.authorId);
      const title = `${r.periodLabel(period, 'sv') ?? followUp.period}`;
      this.decide(
        'followUp',
        { ...followUp, title },
        existing,
        values,
        {},
        issues,
        warnings,
        itemTitle,
        (field, value) => this.showScheduled(field, value),
        {
          item: { kind, ref: itemRef },
          ...(period ? { period } : {}),
          ...(author !== undefined ? { author } : {}),
        },
        [
          ...(periodChange
            ? [
                {
                  field: 'period',
                  from: this.resolver.periodLabel({ existing: existing.periodId }, 'sv'),
                  to: this.resolver.periodLabel(period, 'sv'),
                },
              ]
            : []),
          ...(authorChange
            ? [
                {
                  field: 'author',
                  from: existing.authorId === null ? null : this.resolver.personName({ existing: existing.authorId }),
                  to: author === null ? null : this.resolver.personName(author),
                },
              ]
            : []),
        ],
      );
    }
  }

  // --- shared -------------------------------------------------------------------------------

  private scheduleValues(item: ImportedControl | ImportedAction | ImportedActivity, issues: ImportIssue[]) {
    const r = this.resolver;
    const startDate = r.date(item.startDate, 'startDate', item.origin, issues);
    const endDate = r.date(item.endDate, 'endDate', item.origin, issues);
    if (typeof startDate === 'string' && typeof endDate === 'string' && endDate < startDate)
      issues.push(
        issueAt(
          item.origin,
          'endDate',
          localize((m) => m.planImport.endBeforeStart),
        ),
      );
    return { statusId: r.status(item.status, 'status', item.origin, issues), startDate, endDate };
  }

  private scheduleRefs(
    item: ImportedControl | ImportedAction | ImportedActivity,
    issues: ImportIssue[],
  ): ScheduleValues {
    const r = this.resolver;
    return {
      responsible: r.people(item.responsible, 'responsible', item.origin, issues),
      reporting: r.people(item.reporting, 'reporting', item.origin, issues),
      checkpoints: r.dates(item.checkpoints, 'checkpoints', item.origin, issues),
    };
  }

  /**
   * The existing row a file's row stands for: by its id (the round-trip workbook), else the first
   * not yet matched row that `same` accepts. A row archived in Uppsikt is matched by id only.
   */
  private match<Row extends { id: string; archivedAt: Date | null }>(
    entity: string,
    item: { id?: string | undefined; origin: Origin },
    rows: Row[],
    same: (row: Row) => boolean,
  ): Row | undefined {
    if (item.id !== undefined && item.id !== '') {
      const row = rows.find((each) => each.id === item.id);
      if (row && !this.matched.has(`${entity}:${row.id}`)) {
        this.matched.add(`${entity}:${row.id}`);
        return row;
      }
      if (!row)
        this.warnings.push(
          issueAt(
            item.origin,
            null,
            localize((m) => m.planImport.unknownId),
          ),
        );
    }
    const row = rows.find(
      (each) => each.archivedAt === null && !this.matched.has(`${entity}:${each.id}`) && same(each),
    );
    if (row) this.matched.add(`${entity}:${row.id}`);
    return row;
  }

  /**
   * Decides a row's outcome from its values and the existing row, records the preview row and
   * the write, and answers the reference children hang on.
   */
  private decide(
    entity: Exclude<ImportEntity, 'person'>,
    item: { title: string; version?: number | undefined; origin: Origin },
    existing: ({ id: string; version: number; archivedAt: Date | null } & Record<string, unknown>) | undefined,
    values: Record<string, unknown>,
    refs: ScheduleValues & { focusAreas?: string[] | undefined },
    issues: ImportIssue[],
    warnings: ImportIssue[],
    parent: string | null,
    show: (field: string, value: unknown) => ShownValue,
    links: Partial<Pick<CreateOperation, 'risk' | 'activity' | 'item' | 'period' | 'author'>> = {},
    extraChanges: FieldChange[] = [],
  ): { ref: NodeRef; row: PreviewRow } {
    const key = `${entity}:${this.counter++}`;
    const row: PreviewRow = {
      key,
      entity,
      outcome: 'unchanged',
      title: item.title,
      parent,
      sheet: item.origin.sheet,
      row: item.origin.row,
      place: item.origin.place ?? null,
      changes: [],
      errors: issues,
      warnings,
    };
    this.rows.push(row);
    this.rowByKey.set(key, row);
    const parentRef = links.risk ?? links.activity ?? links.item?.ref;
    const parentFailed =
      parentRef !== undefined && parentRef !== null && 'created' in parentRef && this.failed(parentRef.created);
    if (parentFailed)
      issues.push(
        issueAt(
          item.origin,
          null,
          localize((m) => m.planImport.parentHasErrors),
        ),
      );

    if (!existing) {
      row.outcome = issues.length > 0 ? 'error' : 'create';
      const sortKey = `${entity}:${parentRef && 'existing' in parentRef ? parentRef.existing : ''}`;
      const next = (this.sortOrders.get(sortKey) ?? this.maxSortOrder(entity)) + 1;
      this.sortOrders.set(sortKey, next);
      if (row.outcome === 'create') {
        const complete = Object.fromEntries(
          (ITEM_TABLE_FIELDS[entity] as readonly string[]).map((field) => [field, values[field] ?? null]),
        );
        if ('sortOrder' in this.sortable(entity)) complete.sortOrder = next;
        // A control reports to nobody until someone says so.
        if (entity === 'control' && complete.reportsTo === null) complete.reportsTo = [];
        this.creates.push({
          entity,
          key,
          values: complete,
          ...links,
          ...(refs.responsible ? { responsible: refs.responsible } : {}),
          ...(refs.reporting ? { reporting: refs.reporting } : {}),
          ...(refs.checkpoints ? { checkpoints: refs.checkpoints } : {}),
          ...(refs.focusAreas ? { focusAreas: refs.focusAreas } : {}),
        });
        row.changes = Object.entries(complete)
          .filter(([field, value]) => value !== null && field !== 'sortOrder')
          .map(([field, value]) => ({ field, from: null, to: show(field, value) }));
        row.changes.push(...this.refChanges(undefined, refs));
      }
      return { ref: { created: key }, row };
    }

    const changes: FieldChange[] = [];
    const changedValues: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) {
      if (!sameValue(existing[field], value)) {
        changes.push({ field, from: show(field, existing[field]), to: show(field, value) });
        changedValues[field] = value;
      }
    }
    const current = this.currentRefs(entity, existing.id);
    const refChanges = this.refChanges(current, refs);
    changes.push(...refChanges, ...extraChanges);
    if (existing.archivedAt !== null) {
      changes.push({ field: 'archived', from: localize((m) => m.planImport.archivedValue), to: null });
      changedValues.archivedAt = null;
    }
    row.changes = changes;
    const conflict = item.version !== undefined && item.version !== existing.version && changes.length > 0;
    row.outcome = issues.length > 0 ? 'error' : conflict ? 'conflict' : changes.length > 0 ? 'change' : 'unchanged';
    if (conflict && issues.length === 0)
      warnings.push(
        issueAt(
          item.origin,
          null,
          localize((m) => m.planImport.changedInUppsikt),
        ),
      );
    if (row.outcome === 'change') {
      const refUpdate: ScheduleValues & { focusAreas?: string[] } = {};
      for (const change of refChanges) {
        const field = change.field as keyof typeof refUpdate;
        (refUpdate as Record<string, unknown>)[field] = refs[field];
      }
      this.updates.push({
        entity,
        key,
        id: existing.id,
        version: existing.version,
        values: changedValues,
        ...refUpdate,
        ...(extraChanges.some((change) => change.field === 'period') && links.period ? { period: links.period } : {}),
        ...(extraChanges.some((change) => change.field === 'author') && links.author !== undefined
          ? { author: links.author }
          : {}),
      });
    }
    return { ref: { existing: existing.id }, row };
  }

  private failed(key: string) {
    return this.rowByKey.get(key)?.outcome === 'error';
  }

  private sortable(entity: string): Record<string, true> {
    return entity === 'followUp' ? {} : { sortOrder: true };
  }

  private maxSortOrder(entity: string): number {
    const rows: { sortOrder?: number }[] =
      entity === 'risk'
        ? this.state.risks
        : entity === 'control'
          ? this.state.controls
          : entity === 'action'
            ? this.state.actions
            : entity === 'activity'
              ? this.state.activities
              : entity === 'subActivity'
                ? this.state.subActivities
                : [];
    return rows.reduce((max, row) => Math.max(max, row.sortOrder ?? 0), -1);
  }

  private currentRefs(entity: string, id: string): Required<ScheduleValues> & { focusAreas: string[] } {
    const key = `${entity}:${id}` as ItemKey;
    return {
      responsible: (this.state.responsible.get(key) ?? []).map((existing) => ({ existing })),
      reporting: (this.state.reporting.get(key) ?? []).map((existing) => ({ existing })),
      checkpoints: this.state.checkpoints.get(key) ?? [],
      focusAreas: (this.state.focusAreasOf.get(id) ?? []).map((areaId) => `existing:${areaId}`),
    };
  }

  private refChanges(
    current: (Required<ScheduleValues> & { focusAreas: string[] }) | undefined,
    next: ScheduleValues & { focusAreas?: string[] | undefined },
  ): FieldChange[] {
    const changes: FieldChange[] = [];
    const r = this.resolver;
    for (const field of ['responsible', 'reporting'] as const) {
      const to = next[field];
      if (to === undefined) continue;
      const from = current?.[field] ?? [];
      const fromNames = from.map((ref) => r.personName(ref)).join(', ');
      const toNames = to.map((ref) => r.personName(ref)).join(', ');
      if (fromNames !== toNames) changes.push({ field, from: fromNames || null, to: toNames || null });
    }
    if (next.checkpoints !== undefined) {
      const from = (current?.checkpoints ?? []).join(', ');
      const to = next.checkpoints.join(', ');
      if (from !== to) changes.push({ field: 'checkpoints', from: from || null, to: to || null });
    }
    if (next.focusAreas !== undefined) {
      const from = (current?.focusAreas ?? []).map((ref) => r.focusAreaName(ref)).join(', ');
      const to = next.focusAreas.map((ref) => r.focusAreaName(ref)).join(', ');
      if (from !== to) changes.push({ field: 'focusAreas', from: from || null, to: to || null });
    }
    return changes;
  }

  private showPlain(field: string, value: unknown): ShownValue {
    if (field === 'processId' || field === 'categoryId') return this.resolver.entryLabel(value);
    return shownText(value);
  }

  private showScheduled(field: string, value: unknown): ShownValue {
    if (value === null || value === undefined) return null;
    if (field === 'statusId') {
      const status = this.state.statuses.find((each) => each.id === value);
      return status ? { sv: status.labelSv, en: status.labelEn } : null;
    }
    if (field === 'responsibleUnitId') return this.resolver.unitName(value as string);
    if (field === 'carryOver')
      return value === 'carry_over'
        ? localize((m) => m.planImport.carryOver)
        : localize((m) => m.planImport.doNotCarryOver);
    if (field === 'riskId') return this.state.risks.find((risk) => risk.id === value)?.title ?? null;
    if (field === 'methodId') return this.resolver.entryLabel(value);
    if (field === 'frequency') {
      const frequency = value as ControlFrequency;
      return { sv: frequencyText(frequency, 'sv'), en: frequencyText(frequency, 'en') };
    }
    if (field === 'reportsTo') {
      const recipients = value as ReportRecipient[];
      return {
        sv: recipients.map((each) => REPORT_RECIPIENT_LABELS[each].sv).join(', '),
        en: recipients.map((each) => REPORT_RECIPIENT_LABELS[each].en).join(', '),
      };
    }
    return shownText(value);
  }

  /** Every item of the plan the complete workbook no longer has is archived. */
  private archiveMissing() {
    const groups = [
      ['risk', this.state.risks],
      ['control', this.state.controls],
      ['action', this.state.actions],
      ['activity', this.state.activities],
      ['subActivity', this.state.subActivities],
      ['followUp', this.state.followUps],
    ] as const;
    for (const [entity, rows] of groups) {
      if (this.state.target.kind === 'internal_control' && (entity === 'activity' || entity === 'subActivity'))
        continue;
      for (const row of rows as readonly {
        id: string;
        version: number;
        archivedAt: Date | null;
        title?: string;
        body?: string;
      }[]) {
        if (row.archivedAt !== null || this.matched.has(`${entity}:${row.id}`)) continue;
        const key = `${entity}:${this.counter++}`;
        this.rows.push({
          key,
          entity,
          outcome: 'archive',
          title: row.title ?? (row.body ?? '').slice(0, 80),
          parent: null,
          sheet: null,
          row: null,
          place: null,
          changes: [],
          errors: [],
          warnings: [],
        });
        this.archives.push({ entity, key, id: row.id, version: row.version });
      }
    }
  }

  /** A reader's issue on a row the preview shows makes that row an error; the others stay general. */
  private attachReaderIssues() {
    const general: ImportIssue[] = [];
    for (const issue of this.errors) {
      const row = this.rows.find((each) => each.sheet === issue.sheet && each.row !== null && each.row === issue.row);
      if (row) {
        row.errors.push(issue);
        row.outcome = 'error';
      } else general.push(issue);
    }
    this.errors.length = 0;
    this.errors.push(...general);
    // A row that became an error leaves the writes.
    const failed = new Set(this.rows.filter((row) => row.outcome === 'error').map((row) => row.key));
    const keep = <T extends { key: string }>(list: T[]) =>
      list.splice(0, list.length, ...list.filter((op) => !failed.has(op.key)));
    keep(this.creates);
    keep(this.updates);
  }

  private fingerprint(): string {
    const hash = createHash('sha256');
    hash.update(
      JSON.stringify({
        plan: this.state.target.plan ? [this.state.target.plan.id, this.state.target.plan.version] : null,
        rows: this.rows.map((row) => [row.key, row.outcome, row.changes, row.errors.length]),
        updates: this.updates.map((update) => [update.id, update.version]),
        archives: this.archives.map((archive) => [archive.id, archive.version]),
        errors: this.errors.length,
      }),
    );
    return hash.digest('base64url');
  }
}

/** A field's value as text: the values compared are texts, numbers and dates as text. */
function shownText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function general(message: LocalizedText): ImportIssue {
  return { sheet: null, row: null, column: null, message };
}

/** The fields a row gives a value for (undefined: the file does not say). */
function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function sameValue(current: unknown, next: unknown): boolean {
  if (typeof current === 'string' && typeof next === 'string') return sameText(current, next);
  return JSON.stringify(current ?? null) === JSON.stringify(next ?? null);
}

/** Texts equal but for line-break style and surrounding space. */
function sameText(a: string | null, b: string | null | undefined): boolean {
  const normal = (text: string | null | undefined) => (text ?? '').replace(/\r\n?/g, '\n').trim();
  return normal(a) === normal(b);
}
