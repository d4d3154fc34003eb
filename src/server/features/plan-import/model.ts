import type { PlanKind } from '../../../domain/plan.ts';
import type { LocalizedText } from '../../errors.ts';

/**
 * A plan as a file said it, before anything in it is checked against the tenant: the one shape
 * every reader (the round-trip workbook, a plan table in the municipality's own layout, a Word
 * document) produces, and the planner compares with the plan in the database.
 *
 * Values are the texts the file holds (a date as it was typed, a person by name, a status by
 * its label): the planner parses and resolves them, so that every error names where it came
 * from. A field the file does not have is undefined (left as it is); a field the file has but
 * left empty is '' (cleared).
 */

/** Where something came from: a worksheet's row and column, or a place in a document. */
export interface Origin {
  /** The worksheet; null for CSV and for documents. */
  sheet: string | null;
  /** The 1-based row of a table; null in a document. */
  row: number | null;
  /** The heading or letter of the column each field came from, for errors that name it. */
  columns?: Partial<Record<string, string>>;
  /** In a document: the heading the item stands under, e.g. "Risk: Bristande rutiner". */
  place?: string;
}

/** A problem a reader or the planner found, named by sheet, row and column. */
export interface ImportIssue {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: LocalizedText;
}

/** An id and version the round-trip workbook carries, so a row is matched to what it was exported from. */
export interface Exported {
  id?: string | undefined;
  /** The row's version when it was exported: a different one now means it changed in Uppsikt since. */
  version?: number | undefined;
}

export interface ImportedFollowUp extends Exported {
  /** The reporting period as printed: "Kvartal 3 2020", "T2 2020", "Helår 2021", "2020-Q3". */
  period: string;
  reportedOn?: string | undefined;
  /** Markdown. */
  body: string;
  analysis?: string | undefined;
  /** The author by name. */
  author?: string | undefined;
  /** The item's status as the follow-up reports it (a label). */
  status?: string | undefined;
  origin: Origin;
}

/** What controls, actions and activities share. */
export interface ImportedSchedule {
  /** Ansvariga, by name, in order. */
  responsible?: string[] | undefined;
  /** Rapporteringsansvariga, by name. */
  reporting?: string[] | undefined;
  status?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  /** Avstämningsdatum. */
  checkpoints?: string[] | undefined;
  followUps: ImportedFollowUp[];
}

export interface ImportedControl extends Exported, ImportedSchedule {
  title: string;
  description?: string | undefined;
  /** Kontrollmetod: an entry's label, or a text saying how (which then is the control's scope). */
  method?: string | undefined;
  /** Omfattning and urval. */
  scope?: string | undefined;
  /** As written ("Kvartalsvis", "Per tertial", or dates). */
  frequency?: string | undefined;
  /** Tidpunkt for reporting. */
  reportingTime?: string | undefined;
  /** Rapporteras till, as written ("Nämnd, kommunstyrelsen"). */
  reportsTo?: string | undefined;
  origin: Origin;
}

export interface ImportedAction extends Exported, ImportedSchedule {
  title: string;
  /** "Vad ska göras", Markdown. */
  whatToDo?: string | undefined;
  /** "Genomförda åtgärder", Markdown. */
  measuresTaken?: string | undefined;
  /** The responsible unit by name. */
  responsibleUnit?: string | undefined;
  origin: Origin;
}

export interface ImportedRisk extends Exported {
  title: string;
  /** Markdown. */
  description?: string | undefined;
  process?: string | undefined;
  category?: string | undefined;
  /** Orsak and konsekvens in words, Markdown. */
  cause?: string | undefined;
  effect?: string | undefined;
  /** sannolikhet, as written. */
  likelihood?: string | undefined;
  /** konsekvens, as written. */
  consequence?: string | undefined;
  /** riskvärde, as written; checked against sannolikhet × konsekvens when both are given. */
  riskValue?: string | undefined;
  controls: ImportedControl[];
  actions: ImportedAction[];
  origin: Origin;
}

export interface ImportedSubActivity extends Exported {
  /** e.g. "3.2". */
  number: string;
  title: string;
  status?: string | undefined;
  /** "Förs över" / "Förs inte över", or carry_over / do_not_carry_over. */
  carryOver?: string | undefined;
  origin: Origin;
}

export interface ImportedActivity extends Exported, ImportedSchedule {
  number: string;
  title: string;
  description?: string | undefined;
  costAndResources?: string | undefined;
  performers?: string | undefined;
  /** Fokusområden (tags), by name. */
  focusAreas?: string[] | undefined;
  carryOver?: string | undefined;
  subActivities: ImportedSubActivity[];
  origin: Origin;
}

export interface ImportedPlan {
  /** What the file says the plan is, when it says. */
  kind?: PlanKind | undefined;
  title?: string | undefined;
  /** "2020" or "2020-2021". */
  period?: string | undefined;
  description?: string | undefined;
  /** The plan's id, when the file is Uppsikt's own export of it. */
  planId?: string | undefined;
  risks: ImportedRisk[];
  /** Actions tied to no risk. */
  actions: ImportedAction[];
  activities: ImportedActivity[];
  /**
   * Whether the file holds the whole plan (Uppsikt's round-trip workbook): an item of the plan it
   * lacks was removed by the person and is archived. Otherwise the file only adds and changes.
   */
  complete: boolean;
  /** What the reader could not use: each names its sheet, row and column. */
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** An empty plan, for readers to fill. */
export function emptyImportedPlan(complete = false): ImportedPlan {
  return { risks: [], actions: [], activities: [], complete, errors: [], warnings: [] };
}

/** How many of each kind a file holds: what importing it into an empty plan creates. */
export function importedCounts(plan: ImportedPlan) {
  const risksActions = plan.risks.flatMap((risk) => risk.actions);
  const items = [...plan.risks.flatMap((risk) => risk.controls), ...risksActions, ...plan.actions, ...plan.activities];
  return {
    risks: plan.risks.length,
    controls: plan.risks.reduce((sum, risk) => sum + risk.controls.length, 0),
    actions: risksActions.length + plan.actions.length,
    activities: plan.activities.length,
    subActivities: plan.activities.reduce((sum, activity) => sum + activity.subActivities.length, 0),
    followUps: items.reduce((sum, item) => sum + item.followUps.length, 0),
  };
}

/** Reports progress as rows are read or written: done of total. */
export type ImportProgress = (done: number, total: number) => void;
