import mammoth from 'mammoth';
import { foldWords } from '../../../../domain/table-headings.ts';
import { AppError, type LocalizedText } from '../../../errors.ts';
import { localize } from '../../../messages/messages.ts';
import {
  emptyImportedPlan,
  type ImportProgress,
  type ImportedAction,
  type ImportedActivity,
  type ImportedControl,
  type ImportedFollowUp,
  type ImportedPlan,
  type ImportedRisk,
  type Origin,
} from '../model.ts';
import { saysNoControl } from './plan-table.ts';
import { blocksText, htmlBlocks, type DocBlock } from './word-blocks.ts';
import { blocksMarkdown, isChart } from './word-markdown.ts';
import {
  ACTIVITY_WORDS,
  CONTENTS_WORDS,
  KNOWN_STATUSES,
  NOT_ASSESSED,
  PLAN_STATE_WORDS,
  carryOverOf,
  columnFields,
  labelField,
  periodLine,
  type ColumnField,
  type LabelField,
} from './word-vocabulary.ts';

/**
 * Reads a plan and its follow-ups from a Word document: the reports Uppsikt prints (all seven
 * kinds) and documents shaped like the municipalities' own. mammoth turns the DOCX into HTML;
 * its blocks are recognised by vocabulary and shape: headings such as "Risk: …", "Åtgärd: …",
 * "Kontrollmoment: …", "Aktivitet 3: …" or "3. Uppdrag/Aktivitet"; labelled texts ("Vad ska
 * göras", "Genomförda åtgärder", "Aktivitetsbeskrivning", "Uppföljning", "Analys" …); labelled
 * values ("Status: Pågående", "Ansvarig: …"); sub-activities "3.2 …"; tags "[…]"; period
 * comments "Kvartal 3 2020 2020-08-26 … (Namn)"; and tables whose columns name risks, controls,
 * actions or activities with their status, people, dates and comments. Long texts become
 * Markdown with their headings, lists, tables and charts.
 */
export async function readWordDocument(bytes: Uint8Array, progress?: ImportProgress): Promise<ImportedPlan> {
  checkContainer(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: [
          "p[style-name='Title'] => p.doc-title:fresh",
          "p[style-name='Subtitle'] => p.doc-subtitle:fresh",
          ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((level) => [
            `p[style-name='toc ${level}'] => !`,
            `p[style-name='TOC ${level}'] => !`,
          ]),
        ],
        // The pictures themselves are not kept, only their alternative text (a chart's numbers).
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch {
    throw unreadable(localize((m) => m.importDocument.corrupt));
  }
  return new DocumentReader(htmlBlocks(html), progress).read();
}

/** The fields a text (rather than a value) of each kind of item can take. */
type TextField =
  | 'riskDescription'
  | 'description'
  | 'whatToDo'
  | 'measuresTaken'
  | 'costAndResources'
  | 'performers'
  | 'method'
  | 'frequency'
  | 'followUp'
  | 'analysis';

type Item =
  | { kind: 'action'; value: ImportedAction; level: number }
  | { kind: 'control'; value: ImportedControl; level: number }
  | { kind: 'activity'; value: ImportedActivity; level: number };

interface Sink {
  blocks: DocBlock[];
  field: TextField;
  write: (markdown: string) => void;
}

const NO_LEVEL = 99;

class DocumentReader {
  private readonly plan = emptyImportedPlan(false);
  private risk: { value: ImportedRisk; level: number } | null = null;
  private item: Item | null = null;
  private sink: Sink | null = null;
  /** After "Kontrollmoment" / "Åtgärder" under a risk: each list item is one. */
  private listMode: 'control' | 'action' | null = null;
  /** An activity whose heading gave its number only ("3. Uppdrag/Aktivitet"): the next paragraph is its title. */
  private awaitingTitle: ImportedActivity | null = null;
  /** An action's closing "(Enhet)", held until it is clear nothing follows it. */
  private heldParenthesis: (DocBlock & { type: 'paragraph' }) | null = null;
  /** How many items of a title were met since the last table or risk heading, to tell same-named ones apart. */
  private occurrences = new Map<string, number>();
  private readonly statuses = new Set(KNOWN_STATUSES.map(foldWords));
  private heading: string | undefined;

  constructor(
    private readonly blocks: DocBlock[],
    private readonly progress: ImportProgress | undefined,
  ) {}

  read(): ImportedPlan {
    this.collectStatuses(this.blocks);
    const start = this.titleBlock();
    const total = this.blocks.length;
    for (let index = start; index < total; index += 1) {
      this.block(this.blocks[index]!, this.blocks[index + 1]);
      this.progress?.(index + 1, total);
    }
    this.closeItem();
    this.closeRisk();
    const { plan } = this;
    const hasInternalControl = plan.risks.length > 0 || plan.actions.length > 0;
    if (hasInternalControl !== plan.activities.length > 0)
      plan.kind = hasInternalControl ? 'internal_control' : 'activity';
    if (!hasInternalControl && plan.activities.length === 0)
      plan.warnings.push(issue(localize((m) => m.importDocument.noItems)));
    const withoutPeriod = this.allFollowUps().filter((followUp) => followUp.period === '').length;
    if (withoutPeriod > 0)
      plan.warnings.push(issue(localize((m) => m.importDocument.followUpsWithoutPeriod(withoutPeriod))));
    return plan;
  }

  // ---- the title block -------------------------------------------------------------------

  /** The title, the plan and its period from the lines before the content; returns where the content starts. */
  private titleBlock(): number {
    let index = 0;
    const lines: { text: string; title: boolean }[] = [];
    while (index < this.blocks.length && lines.length < 6) {
      const block = this.blocks[index]!;
      if (block.type !== 'paragraph' || CONTENTS_WORDS.includes(foldWords(block.text))) break;
      if (isItemParagraph(block)) break;
      lines.push({ text: block.text, title: block.style === 'title' });
      index += 1;
    }
    const documentTitle = (lines.find((line) => line.title) ?? lines[0])?.text;
    const planLine = lines
      .map((line) => line.text)
      .find((line) => {
        const parts = line.split(',').slice(1).map(foldWords);
        return parts.some((part) => PLAN_STATE_WORDS.some((word) => part.startsWith(word)));
      });
    const planTitle = planLine?.split(',')[0]?.trim();
    if (planTitle ?? documentTitle) this.plan.title = planTitle ?? documentTitle;
    const candidates = [
      ...lines.map((line) => line.text).filter((line) => /^\d{4}(\s*[-–]\s*\d{4})?$/.test(line.trim())),
      ...(planLine ? [/\((\d{4}(?:\s*[-–]\s*\d{4})?)\)\s*$/.exec(planLine)?.[1] ?? ''] : []),
      planTitle ?? '',
      documentTitle ?? '',
      ...lines.map((line) => line.text),
    ];
    for (const candidate of candidates) {
      const match = /\b(\d{4})(?:\s*[-–]\s*(\d{4}))?\b/.exec(candidate);
      if (match) {
        this.plan.period = match[2] ? `${match[1]}-${match[2]}` : match[1];
        break;
      }
    }
    return index;
  }

  private collectStatuses(blocks: readonly DocBlock[]): void {
    for (const block of blocks) {
      if (block.type === 'paragraph' && block.text.startsWith('●')) this.statuses.add(foldWords(block.text.slice(1)));
      else if (block.type === 'list') for (const item of block.items) this.collectStatuses(item);
      else if (block.type === 'table') for (const row of block.rows) for (const cell of row) this.collectStatuses(cell);
    }
  }

  // ---- blocks ----------------------------------------------------------------------------

  private block(block: DocBlock, next: DocBlock | undefined): void {
    switch (block.type) {
      case 'heading':
        this.headingBlock(block.text, block.level);
        return;
      case 'paragraph':
        this.paragraph(block, next);
        return;
      case 'list':
        this.list(block);
        return;
      case 'table':
        this.table(block);
        return;
      case 'image':
        return;
    }
  }

  private headingBlock(text: string, level: number): void {
    if (this.itemHeading(text, level)) return;
    const field = labelField(text);
    if (field && this.label(field, '')) return;
    if (this.sink && level > this.openLevel()) {
      this.append({ type: 'heading', level, runs: [{ text }], text });
      return;
    }
    // A section of the document that is no item: what was open ends.
    this.closeItem();
    this.closeRisk();
    this.listMode = null;
    this.heading = text;
  }

  /** The level of the heading that opened the innermost item (NO_LEVEL for one opened otherwise). */
  private openLevel(): number {
    return this.item?.level ?? this.risk?.level ?? 0;
  }

  /** A heading that starts a risk, action, control or activity. */
  private itemHeading(text: string, level: number): boolean {
    const parsed = parseItemHeading(text, level < NO_LEVEL);
    if (!parsed) return false;
    switch (parsed.kind) {
      case 'risk':
        this.closeItem();
        this.closeRisk();
        this.occurrences.clear();
        this.risk = { value: this.findOrAddRisk(parsed.title, text), level };
        return true;
      case 'action':
      case 'control': {
        this.closeItem();
        const value =
          parsed.kind === 'action'
            ? this.findOrAddAction(parsed.title, text)
            : this.findOrAddControl(parsed.title, text);
        if (!value) return false;
        this.item = { kind: parsed.kind, value, level };
        return true;
      }
      case 'activity': {
        this.closeItem();
        this.closeRisk();
        const activity = this.findOrAddActivity(parsed.number, parsed.title, text);
        this.item = { kind: 'activity', value: activity, level };
        if (!parsed.title) this.awaitingTitle = activity;
        return true;
      }
    }
  }

  private paragraph(block: DocBlock & { type: 'paragraph' }, next: DocBlock | undefined): void {
    const { text } = block;
    if (CONTENTS_WORDS.includes(foldWords(text)) && !this.sink) return;
    const allBold = block.runs.every((run) => run.bold);
    const allItalic = block.runs.every((run) => run.italic);
    // A chart's title belongs to the chart that follows.
    if (isChart(block, next)) {
      this.append(block);
      return;
    }
    if (allBold && this.itemHeading(text, NO_LEVEL)) return;
    if (this.awaitingTitle) {
      this.awaitingTitle.title = text;
      this.awaitingTitle = null;
      return;
    }
    const activity = this.item?.kind === 'activity' ? this.item.value : null;
    const inFollowUp = this.sink?.field === 'followUp' || this.sink?.field === 'analysis';
    if (activity && !inFollowUp && this.subActivity(activity, text)) return;
    if (activity && /^(\s*\[[^\]]+\])+\s*$/.test(text)) {
      activity.focusAreas = [
        ...(activity.focusAreas ?? []),
        ...[...text.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!.trim()),
      ];
      return;
    }
    const carryOver = activity ? carryOverOf(text) : null;
    if (activity && carryOver && (allItalic || !this.sink)) {
      activity.carryOver = carryOver;
      return;
    }
    // "Helår 2021" over a follow-up, or "Kvartal 3 2020 (Anna Andersson): text".
    const period = this.item ? periodLine(text) : null;
    if (period && (period.body !== undefined || allItalic || allBold || inFollowUp || !this.sink)) {
      this.followUpFromLine(period);
      return;
    }
    // A label on a line of its own ("Vad ska göras:"), or with its value or text after it.
    const labelled = /^([^:]{2,60}):\s*(.*)$/.exec(text);
    const field = labelField(text) ?? (labelled ? labelField(labelled[1]!) : null);
    if (field) {
      const rest = labelField(text) ? '' : (labelled?.[2] ?? '');
      if ((allBold || allItalic || rest !== '' || text.trim().endsWith(':')) && this.label(field, rest)) return;
    }
    if (this.item?.kind === 'action' && /^\([^()]+\)$/.test(text) && this.sink?.field !== 'followUp') {
      if (this.heldParenthesis) this.append(this.heldParenthesis, true);
      this.heldParenthesis = block;
      return;
    }
    this.append(block);
  }

  private list(block: DocBlock & { type: 'list' }): void {
    if (this.listMode && this.risk) {
      for (const entry of block.items) {
        const [first, ...rest] = entry;
        if (!first) continue;
        this.closeItem();
        const title = first.type === 'paragraph' || first.type === 'heading' ? first.text : blocksText([first]);
        const value =
          this.listMode === 'control' ? this.findOrAddControl(title, title) : this.findOrAddAction(title, title);
        if (!value) continue;
        this.item = { kind: this.listMode, value, level: NO_LEVEL };
        for (const inner of rest) this.block(inner, undefined);
      }
      return;
    }
    this.append(block);
  }

  /** A label: a value for the item ("Status: Pågående") or the start of one of its texts. */
  private label(field: LabelField, rest: string): boolean {
    switch (field) {
      case 'controlsList':
      case 'actionsList':
        if (!this.risk || rest !== '') return false;
        this.closeItem();
        this.listMode = field === 'controlsList' ? 'control' : 'action';
        return true;
      case 'status':
      case 'startDate':
      case 'endDate':
      case 'checkpoints':
      case 'responsible':
      case 'reporting':
        return this.scheduleValue(field, rest);
      case 'riskValue':
      case 'likelihood':
      case 'consequence':
      case 'process': {
        if (!this.risk || rest === '') return false;
        this.risk.value[field] = notAssessed(rest) ? undefined : rest;
        return true;
      }
      default:
        return this.openText(field, rest);
    }
  }

  private scheduleValue(
    field: 'status' | 'startDate' | 'endDate' | 'checkpoints' | 'responsible' | 'reporting',
    value: string,
  ): boolean {
    const item = this.item?.value;
    if (!item || value === '') return false;
    if (field === 'responsible' || field === 'reporting' || field === 'checkpoints') item[field] = names(value);
    else item[field] = field === 'status' ? statusText(value) : value;
    return true;
  }

  /** Opens the text a label names, on the item it belongs to; false if no open item takes it. */
  private openText(field: TextField | LabelField, rest: string): boolean {
    const item = this.item;
    let write: ((markdown: string) => void) | null = null;
    let sinkField: TextField = field as TextField;
    switch (field) {
      case 'riskDescription':
        if (this.risk && !item) write = (markdown) => (this.risk!.value.description = markdown);
        else if (this.risk) {
          const risk = this.risk.value;
          write = (markdown) => (risk.description = markdown);
        }
        break;
      case 'description':
      case 'activityDescription':
        sinkField = 'description';
        if (item?.kind === 'control' || item?.kind === 'activity') {
          const value = item.value;
          write = (markdown) => (value.description = markdown);
        } else if (item?.kind === 'action') {
          const value = item.value;
          write = (markdown) => (value.whatToDo = markdown);
        } else if (this.risk && field === 'description') {
          const risk = this.risk.value;
          write = (markdown) => (risk.description = markdown);
        }
        break;
      case 'whatToDo':
      case 'measuresTaken':
        if (item?.kind === 'action') {
          const value = item.value;
          write = (markdown) => (value[field] = markdown);
        }
        break;
      case 'costAndResources':
      case 'performers':
        if (item?.kind === 'activity') {
          const value = item.value;
          write = (markdown) => (value[field] = markdown);
        }
        break;
      case 'method':
      case 'frequency':
        if (item?.kind === 'control') {
          const value = item.value;
          write = (markdown) => (value[field] = markdown);
        }
        break;
      case 'followUp':
        if (item) {
          const followUp = this.newFollowUp(item, '');
          write = (markdown) => (followUp.body = markdown);
        }
        break;
      case 'analysis':
        if (item) {
          const followUp = item.value.followUps.at(-1) ?? this.newFollowUp(item, '');
          write = (markdown) => (followUp.analysis = markdown);
        }
        break;
      default:
        return false;
    }
    if (!write) return false;
    this.closeSink();
    this.sink = { blocks: [], field: sinkField, write };
    if (rest !== '') this.append({ type: 'paragraph', runs: [{ text: rest }], text: rest });
    return true;
  }

  /** A block of text: into the open text, else into the item's first text (a risk's description …). */
  private append(block: DocBlock, released = false): void {
    if (!released && this.heldParenthesis) {
      const held = this.heldParenthesis;
      this.heldParenthesis = null;
      this.append(held, true);
    }
    if (!this.sink) {
      const item = this.item;
      if (item?.kind === 'action') this.openText('whatToDo', '');
      else if (item) this.openText('description', '');
      else if (this.risk) this.openText('riskDescription', '');
    }
    this.sink?.blocks.push(block);
  }

  private closeSink(): void {
    const sink = this.sink;
    this.sink = null;
    if (!sink) return;
    const markdown = blocksMarkdown(sink.blocks);
    if (markdown !== '' || sink.field === 'followUp') sink.write(markdown);
  }

  private closeItem(): void {
    this.closeSink();
    const held = this.heldParenthesis;
    this.heldParenthesis = null;
    if (held && this.item?.kind === 'action') this.item.value.responsibleUnit = held.text.slice(1, -1).trim();
    this.item = null;
    this.awaitingTitle = null;
  }

  private closeRisk(): void {
    this.closeSink();
    this.risk = null;
    this.listMode = null;
  }

  // ---- activities ------------------------------------------------------------------------

  /** "3.2 Titel", "3.2. Titel (Pågående) – Förs över till nästa plan". */
  private subActivity(activity: ImportedActivity, text: string): boolean {
    const match = /^(\d+)\.(\d+)\.?\s+(.+)$/.exec(text);
    if (!match || match[1] !== activity.number.replace(/\.$/, '')) return false;
    let title = match[3]!.trim();
    let carryOver: string | undefined;
    const dash = /\s+[–—-]\s+([^–—]+)$/.exec(title);
    if (dash && carryOverOf(dash[1]!)) {
      carryOver = carryOverOf(dash[1]!)!;
      title = title.slice(0, dash.index).trim();
    }
    let status: string | undefined;
    const parenthesis = /\s*\(([^()]+)\)$/.exec(title);
    if (parenthesis && this.statuses.has(foldWords(parenthesis[1]!))) {
      status = parenthesis[1]!.trim();
      title = title.slice(0, parenthesis.index).trim();
    }
    this.closeSink();
    const number = `${match[1]}.${match[2]}`;
    const existing = activity.subActivities.find((sub) => sub.number === number);
    const sub = existing ?? { number, title, origin: this.origin(text) };
    sub.title = title;
    if (status !== undefined) sub.status = status;
    if (carryOver !== undefined) sub.carryOver = carryOver;
    if (!existing) activity.subActivities.push(sub);
    return true;
  }

  private findOrAddActivity(number: string, title: string, place: string): ImportedActivity {
    const existing = this.plan.activities.find((activity) => activity.number === number);
    if (existing) {
      if (title) existing.title = title;
      return existing;
    }
    const activity: ImportedActivity = { number, title, subActivities: [], followUps: [], origin: this.origin(place) };
    this.plan.activities.push(activity);
    return activity;
  }

  // ---- follow-ups ------------------------------------------------------------------------

  private newFollowUp(item: Item, period: string): ImportedFollowUp {
    const followUp: ImportedFollowUp = { period, body: '', origin: this.origin(this.placeOf(item)) };
    item.value.followUps.push(followUp);
    return followUp;
  }

  /** A period line: the period of the follow-up being written, or a new follow-up. */
  private followUpFromLine(line: NonNullable<ReturnType<typeof periodLine>>): void {
    const item = this.item!;
    const current = this.sink?.field === 'followUp' ? item.value.followUps.at(-1) : undefined;
    if (current && current.period === '' && this.sink!.blocks.length === 0 && line.body === undefined) {
      current.period = line.period;
      if (line.reportedOn) current.reportedOn = line.reportedOn;
      if (line.author) current.author = line.author;
      return;
    }
    this.closeSink();
    const followUp = this.newFollowUp(item, line.period);
    if (line.reportedOn) followUp.reportedOn = line.reportedOn;
    if (line.author) followUp.author = line.author;
    this.sink = { blocks: [], field: 'followUp', write: (markdown) => (followUp.body = markdown) };
    if (line.body) this.append({ type: 'paragraph', runs: [{ text: line.body }], text: line.body });
  }

  private allFollowUps(): ImportedFollowUp[] {
    const { plan } = this;
    return [
      ...plan.risks.flatMap((risk) => [...risk.controls, ...risk.actions].flatMap((item) => item.followUps)),
      ...plan.actions.flatMap((action) => action.followUps),
      ...plan.activities.flatMap((activity) => activity.followUps),
    ];
  }

  // ---- tables ----------------------------------------------------------------------------

  private table(block: DocBlock & { type: 'table' }): void {
    // A table made in Word often has no heading row of its own: then a first row of known column words is it.
    const firstFields = (block.rows[0] ?? []).map((cell) => columnFields(blocksText(cell)));
    const headed = block.head === null && firstFields.filter((fields) => fields.length > 0).length >= 2;
    const headRow = headed ? block.rows[0]! : block.head;
    const rows = headed ? block.rows.slice(1) : block.rows;
    const fields = headRow ? headRow.map((cell) => columnFields(blocksText(cell))) : [];
    const has = (field: ColumnField) => fields.some((cellFields) => cellFields.includes(field));
    if (headRow && has('activity') && !has('riskTitle')) {
      this.activityTable(rows, fields);
      return;
    }
    if (headRow && has('riskTitle') && (has('action') || has('control') || has('riskValue') || has('likelihood'))) {
      this.riskTable(rows, fields);
      return;
    }
    if (!headRow && block.rows.every((row) => row.length === 2) && this.labelRows(block.rows)) return;
    if (this.sink || this.item || this.risk) this.append(block);
  }

  /** Rows of label and value ("Status | Pågående"): true if every row's label is known and taken. */
  private labelRows(rows: readonly DocBlock[][][]): boolean {
    if (!rows.every((row) => labelField(blocksText(row[0]!)) !== null)) return false;
    for (const row of rows) {
      const field = labelField(blocksText(row[0]!))!;
      const value = row[1]!;
      const simple = value.length <= 1 && value.every((inner) => inner.type === 'paragraph');
      if (simple && this.label(field, blocksText(value))) continue;
      if (!this.label(field, '')) return false;
      for (const inner of value) this.append(inner);
      this.closeSink();
    }
    return true;
  }

  /** A table with an activity column: one activity per row ("3. Titel", its status and dates). */
  private activityTable(rows: readonly DocBlock[][][], fields: ColumnField[][]): void {
    for (const row of rows) {
      const value = (field: ColumnField) => {
        const index = fields.findIndex((cellFields) => cellFields.includes(field));
        return index === -1 ? undefined : cellLines(row[index] ?? []).join('\n');
      };
      const cell = value('activity') ?? '';
      if (cell.trim() === '') continue;
      const numbered = /^(?:(?:aktivitet|activity)\s+)?(\d+)\.?\s+([\s\S]+)$/i.exec(cell);
      const number = value('number')?.replace(/\.$/, '') || numbered?.[1] || String(this.plan.activities.length + 1);
      const title = (numbered && !value('number') ? numbered[2]! : cell).replace(/\s+/g, ' ').trim();
      this.closeItem();
      this.closeRisk();
      const activity = this.findOrAddActivity(number, title, cell);
      this.item = { kind: 'activity', value: activity, level: NO_LEVEL };
      this.scheduleCells(activity, row, fields);
    }
  }

  /**
   * A table of risks: one row per action or control with its status, people, dates and
   * comments (a risk's cells only on its first row), or one row per risk listing its controls
   * and actions by title.
   */
  private riskTable(rows: readonly DocBlock[][][], fields: ColumnField[][]): void {
    this.closeItem();
    this.closeRisk();
    this.occurrences.clear();
    const titleColumns = fields.flatMap((cellFields, index) => (cellFields.includes('riskTitle') ? [index] : []));
    // "Riskanalys | Risk": the second holds the risk's value when every cell of it is a number.
    const numeric = (index: number) =>
      rows.every((row) => {
        const text = blocksText(row[index] ?? []).trim();
        return text === '' || /^\d+([.,]\d+)?$/.test(text) || notAssessed(text);
      });
    const valueColumn = titleColumns.length > 1 ? titleColumns.find(numeric) : undefined;
    const titleColumn = titleColumns.find((index) => index !== valueColumn)!;
    const column = (field: ColumnField) =>
      field === 'riskValue' && valueColumn !== undefined
        ? valueColumn
        : fields.findIndex((cellFields, index) => index !== valueColumn && cellFields.includes(field));
    const perItem = ['status', 'responsible', 'reporting', 'startDate', 'endDate', 'comment'].some(
      (field) => column(field as ColumnField) !== -1,
    );
    let risk: ImportedRisk | null = null;
    for (const row of rows) {
      const riskCell = row[titleColumn] ?? [];
      if (blocksText(riskCell).trim() !== '') {
        const [first, ...rest] = riskCell;
        const title = blocksText(first ? [first] : []).trim();
        risk = this.findOrAddRisk(title, title);
        const description = blocksMarkdown(rest);
        if (description !== '') risk.description = description;
        for (const field of ['riskValue', 'likelihood', 'consequence', 'process'] as const) {
          const index = column(field);
          const text = index === -1 ? '' : blocksText(row[index] ?? []).trim();
          if (text !== '' && !notAssessed(text)) risk[field] = text;
        }
      }
      if (!risk) continue;
      this.risk = { value: risk, level: NO_LEVEL };
      for (const kind of ['action', 'control'] as const) {
        const index = column(kind);
        if (index === -1) continue;
        const cell = row[index] ?? [];
        if (blocksText(cell).trim() === '') continue;
        // A risk's row that says it has no control ("Inget kontrollmoment") is the risk alone.
        if (kind === 'control' && saysNoControl(blocksText(cell))) continue;
        if (!perItem) {
          for (const title of cellLines(cell))
            if (kind === 'action') this.findOrAddAction(title, title);
            else this.findOrAddControl(title, title);
          continue;
        }
        const [first, ...rest] = cell;
        const title = blocksText(first ? [first] : []).trim();
        const item = kind === 'action' ? this.findOrAddAction(title, title) : this.findOrAddControl(title, title);
        if (!item) continue;
        const detail = blocksMarkdown(rest);
        if (detail !== '') {
          if (kind === 'action') (item as ImportedAction).whatToDo = detail;
          else (item as ImportedControl).description = detail;
        }
        this.scheduleCells(item, row, fields, valueColumn);
      }
    }
    this.risk = null;
  }

  /** Status, people, dates and the period comments of an item's row. */
  private scheduleCells(
    item: ImportedAction | ImportedControl | ImportedActivity,
    row: readonly DocBlock[][],
    fields: ColumnField[][],
    skip?: number,
  ): void {
    fields.forEach((cellFields, index) => {
      if (index === skip) return;
      const cell = row[index] ?? [];
      const lines = cellLines(cell);
      const people = cellFields.filter((field) => field === 'responsible' || field === 'reporting');
      if (people.length > 0) {
        people.forEach((field, at) => {
          const line = people.length === 1 ? lines.join(', ') : lines[at];
          if (line !== undefined) item[field] = names(line);
        });
      }
      const dates = cellFields.filter(
        (field): field is 'startDate' | 'checkpoints' | 'endDate' =>
          field === 'startDate' || field === 'checkpoints' || field === 'endDate',
      );
      if (dates.length > 0) assignDates(item, dates, lines);
      if (cellFields.includes('status') && lines.length > 0) item.status = statusText(lines.join(' '));
      if (cellFields.includes('comment')) this.commentCell(item, cell);
    });
  }

  /** "Kvartal 3 2020 2020-08-26", the text, "(Namn)"; again for each follow-up. */
  private commentCell(item: ImportedAction | ImportedControl | ImportedActivity, cell: readonly DocBlock[]): void {
    let current: { followUp: ImportedFollowUp; blocks: DocBlock[] } | null = null;
    const finish = () => {
      if (current) current.followUp.body = blocksMarkdown(current.blocks);
      current = null;
    };
    for (const block of cell) {
      const line = block.type === 'paragraph' ? periodLine(block.text) : null;
      if (line) {
        finish();
        const followUp: ImportedFollowUp = { period: line.period, body: '', origin: this.origin(placeOfItem(item)) };
        if (line.reportedOn) followUp.reportedOn = line.reportedOn;
        if (line.author) followUp.author = line.author;
        item.followUps.push(followUp);
        current = {
          followUp,
          blocks: line.body ? [{ type: 'paragraph', runs: [{ text: line.body }], text: line.body }] : [],
        };
        continue;
      }
      if (!current) {
        const followUp: ImportedFollowUp = { period: '', body: '', origin: this.origin(placeOfItem(item)) };
        item.followUps.push(followUp);
        current = { followUp, blocks: [] };
      }
      const author = block.type === 'paragraph' ? /^\(([^()]+)\)$/.exec(block.text) : null;
      if (author) {
        current.followUp.author = author[1]!.trim();
        finish();
        continue;
      }
      current.blocks.push(block);
    }
    finish();
  }

  // ---- finding items by title --------------------------------------------------------------

  private findOrAddRisk(title: string, place: string): ImportedRisk {
    const folded = foldWords(title);
    const existing = this.plan.risks.find((risk) => foldWords(risk.title) === folded);
    if (existing) return existing;
    const risk: ImportedRisk = { title, controls: [], actions: [], origin: this.origin(place) };
    this.plan.risks.push(risk);
    return risk;
  }

  /** The n-th action of that title met since the last table or risk heading, or a new one. */
  private findOrAddAction(title: string, place: string): ImportedAction {
    const list = this.risk ? this.risk.value.actions : this.plan.actions;
    return this.findOrAdd(list, 'action', title, () => ({ title, followUps: [], origin: this.origin(place) }));
  }

  private findOrAddControl(title: string, place: string): ImportedControl | null {
    if (!this.risk) return null;
    return this.findOrAdd(this.risk.value.controls, 'control', title, () => ({
      title,
      followUps: [],
      origin: this.origin(place),
    }));
  }

  private findOrAdd<T extends { title: string }>(list: T[], kind: string, title: string, create: () => T): T {
    const folded = foldWords(title);
    const key = `${this.risk?.value.title ?? ''}\u0000${kind}\u0000${folded}`;
    const seen = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, seen + 1);
    const existing = list.filter((entry) => foldWords(entry.title) === folded)[seen];
    if (existing) return existing;
    const created = create();
    list.push(created);
    return created;
  }

  private placeOf(item: Item): string {
    return placeOfItem(item.value);
  }

  private origin(place: string): Origin {
    return { sheet: null, row: null, place: place || this.heading || '' };
  }
}

function placeOfItem(item: { title: string }): string {
  return item.title;
}

/** A heading (or a bold line) that names an item. */
function parseItemHeading(
  text: string,
  isHeading: boolean,
): { kind: 'risk' | 'action' | 'control'; title: string } | { kind: 'activity'; number: string; title: string } | null {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const separated = /^([\p{L}/ ]+?)(?:\s+(\d+(?:\.\d+)*))?\s*[:–—-]\s+(.+)$/u.exec(trimmed);
  if (separated) {
    const word = foldWords(separated[1]!);
    const title = separated[3]!.trim();
    if (word === 'risk') return { kind: 'risk', title };
    if (['atgard', 'forbattringsatgard', 'action', 'improvementaction'].includes(word))
      return { kind: 'action', title };
    if (['kontroll', 'kontrollmoment', 'control'].includes(word)) return { kind: 'control', title };
    if (ACTIVITY_WORDS.map(foldWords).includes(word) && separated[2])
      return { kind: 'activity', number: separated[2], title };
  }
  // "Aktivitet 3 Titel" / "Aktivitet 3".
  const activity = /^([\p{L}/]+)\s+(\d+)\.?(?:\s+(.+))?$/u.exec(trimmed);
  if (activity && ACTIVITY_WORDS.map(foldWords).includes(foldWords(activity[1]!)))
    return { kind: 'activity', number: activity[2]!, title: activity[3]?.trim() ?? '' };
  // "3. Uppdrag/Aktivitet" (the title follows), "3. Titel" or "3 Titel" as a heading.
  const numbered = /^(\d+)\.?\s+(.+)$/.exec(trimmed);
  if (numbered) {
    if (ACTIVITY_WORDS.map(foldWords).includes(foldWords(numbered[2]!)))
      return { kind: 'activity', number: numbered[1]!, title: '' };
    if (isHeading) return { kind: 'activity', number: numbered[1]!, title: numbered[2]!.trim() };
  }
  // "Risk för otillåten påverkan", "Risk of …" as a heading: the risk is called so.
  if (isHeading && /^risk\s+(för|att|of|that|to)\s/iu.test(trimmed)) return { kind: 'risk', title: trimmed };
  return null;
}

function isItemParagraph(block: DocBlock & { type: 'paragraph' }): boolean {
  return block.runs.every((run) => run.bold) && parseItemHeading(block.text, false) !== null;
}

/** The lines of a cell: one per paragraph (and per line of a list). */
function cellLines(cell: readonly DocBlock[]): string[] {
  return blocksText(cell)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** People named in a line: "Anna Andersson, Bo Berg; Carl Ek". */
function names(line: string): string[] {
  return line
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** A status as printed, without the coloured dot in front. */
function statusText(text: string): string {
  return text.replace(/^[●•◐○◉✓✔✗✘■□\s]+/, '').trim();
}

function notAssessed(text: string): boolean {
  return NOT_ASSESSED.includes(foldWords(text)) || /^[–-]$/.test(text.trim());
}

/**
 * A cell of dates under "Startdatum + Avstämningsdatum + Slutdatum": a line of several dates is
 * the checkpoints; of the single dates the first is the start and the last the end (one alone is
 * the end, unless the column holds only a start).
 */
function assignDates(
  item: { startDate?: string | undefined; endDate?: string | undefined; checkpoints?: string[] | undefined },
  fields: readonly ('startDate' | 'checkpoints' | 'endDate')[],
  lines: readonly string[],
): void {
  if (lines.length === 0) return;
  if (lines.length === fields.length) {
    fields.forEach((field, index) => {
      if (field === 'checkpoints') item.checkpoints = names(lines[index]!);
      else item[field] = lines[index]!;
    });
    return;
  }
  const several = lines.filter((line) => line.includes(','));
  const single = lines.filter((line) => !line.includes(','));
  if (several.length > 0 && fields.includes('checkpoints')) item.checkpoints = several.flatMap(names);
  if (single.length >= 2) {
    if (fields.includes('startDate')) item.startDate = single[0]!;
    if (fields.includes('checkpoints') && single.length > 2) item.checkpoints = single.slice(1, -1);
    if (fields.includes('endDate')) item.endDate = single.at(-1)!;
  } else if (single.length === 1) {
    if (fields.includes('endDate')) item.endDate = single[0]!;
    else if (fields.includes('startDate')) item.startDate = single[0]!;
    else item.checkpoints = [single[0]!];
  }
}

function issue(message: LocalizedText) {
  return { sheet: null, row: null, column: null, message };
}

// ---- the container -------------------------------------------------------------------------

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Refuses what is not a DOCX before mammoth reads it: an encrypted (password-protected) Office
 * file or an old .doc (both OLE compound files), a file that is no zip, a zip without a Word
 * document, and a macro-enabled document (.docm).
 */
function checkContainer(bytes: Uint8Array): void {
  if (OLE.every((byte, index) => bytes[index] === byte))
    throw unreadable(localize((m) => m.importDocument.encryptedOrOld));
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw unreadable(localize((m) => m.importDocument.notDocx));
  const entries = zipEntries(bytes);
  if (entries === null) throw unreadable(localize((m) => m.importDocument.corrupt));
  if (entries.some((name) => /^word\/vbaProject\.bin$/i.test(name)))
    throw unreadable(localize((m) => m.importDocument.macros));
  if (!entries.some((name) => /^word\/document[^/]*\.xml$/i.test(name)))
    throw unreadable(localize((m) => m.importDocument.notDocx));
}

/** The names in a zip's central directory, or null when it has none. */
function zipEntries(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end === -1) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function unreadable(message: LocalizedText): AppError {
  return new AppError('validation_failed', message, [{ path: 'content', message }]);
}
