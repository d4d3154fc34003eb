import { and, eq, isNull, or } from 'drizzle-orm';
import { reportTemplateSettings, type ReportTemplateSettings } from '../../domain/contracts/report-templates.ts';
import { MEMO_SECTION, fillFields, type TemplateField } from '../../domain/report-template.ts';
import type { Database } from '../db/client.ts';
import { reportTemplates } from '../db/schema/report-templates.ts';
import type { Block, Cover, Logo, ReportDocument } from './document.ts';
import { text } from './document.ts';
import type { ReportLabels } from './labels.ts';
import { markdownBlocks } from './markdown-blocks.ts';

/** A template as a report applies it: the settings and the logo's bytes, if any. */
export interface ReportTemplateInput {
  settings: ReportTemplateSettings;
  logo: Omit<Logo, 'alt'> | null;
}

type Row = typeof reportTemplates.$inferSelect;

/** The logo of a stored template, when it has one. */
export function logoOf(row: Pick<Row, 'logo' | 'logoType' | 'logoWidth' | 'logoHeight'>): Omit<Logo, 'alt'> | null {
  if (!row.logo || !row.logoType || !row.logoWidth || !row.logoHeight) return null;
  return {
    bytes: Buffer.from(row.logo),
    type: row.logoType as Logo['type'],
    width: row.logoWidth,
    height: row.logoHeight,
  };
}

/**
 * The template a unit's report follows: the unit's own, else the tenant's; null when neither is
 * written (the product's neutral report).
 */
export async function loadReportTemplate(
  db: Database,
  tenantId: string,
  unitId: string,
): Promise<ReportTemplateInput | null> {
  const rows = await db
    .select()
    .from(reportTemplates)
    .where(
      and(
        eq(reportTemplates.tenantId, tenantId),
        or(isNull(reportTemplates.unitId), eq(reportTemplates.unitId, unitId)),
      ),
    );
  const tenant = rows.find((candidate) => !candidate.unitId);
  const row = rows.find((candidate) => candidate.unitId === unitId) ?? tenant;
  if (!row) return null;
  // A unit's template without a logo of its own prints the tenant's.
  return {
    settings: reportTemplateSettings.parse(row.settings),
    logo: logoOf(row) ?? (tenant ? logoOf(tenant) : null),
  };
}

/**
 * A kind's document as the tenant's template has it: the letterhead and logo, the cover page,
 * the tjänsteskrivelse before the sections, the sections in the template's order (those left
 * out dropped, each opening with its standard text) and the footer. Every field is filled in;
 * a part with nothing to print is left out whole, never printed as an empty heading or line.
 */
export function applyTemplate(
  document: ReportDocument,
  template: ReportTemplateInput,
  fields: Record<TemplateField, string>,
  labels: ReportLabels,
): ReportDocument {
  const { settings } = template;
  const words = labels.template;
  const fill = (value: string | null | undefined): string | null => {
    const filled = value === null || value === undefined ? '' : fillFields(value, fields).trim();
    return filled === '' ? null : filled;
  };
  const result: ReportDocument = { ...document };

  const letterheadLines = (fill(settings.letterhead) ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (letterheadLines.length > 0 || template.logo) {
    result.letterhead = {
      lines: letterheadLines,
      ...(template.logo ? { logo: { ...template.logo, alt: letterheadLines[0] ?? words.logo } } : {}),
    };
  }

  const diarienummer = fill(settings.diarienummer);
  const caseOfficer = fill(settings.caseOfficer);
  if (settings.cover.enabled) {
    const lines: Cover['lines'] = [
      { label: words.unit, value: fields.nämnd },
      { label: words.period, value: fields.period },
      { label: words.date, value: fields.datum },
      ...(diarienummer ? [{ label: words.diarienummer, value: diarienummer }] : []),
      ...(caseOfficer ? [{ label: words.caseOfficer, value: caseOfficer }] : []),
    ];
    result.cover = { title: fill(settings.cover.title) ?? document.title, lines };
  }

  const memo = settings.memo.enabled ? memoBlocks(settings, fill, words, { diarienummer, caseOfficer }) : [];
  result.blocks = [...memo, ...orderSections(document.blocks, settings, document.kind, fill)];

  if (settings.footer.enabled) result.footer = { text: fill(settings.footer.text), of: words.pageOf };
  return result;
}

function memoBlocks(
  settings: ReportTemplateSettings,
  fill: (value: string | null) => string | null,
  words: ReportLabels['template'],
  people: { diarienummer: string | null; caseOfficer: string | null },
): Block[] {
  const body: Block[] = [];
  if (people.caseOfficer) body.push(labelled(words.caseOfficer, people.caseOfficer));
  if (people.diarienummer) body.push(labelled(words.diarienummer, people.diarienummer));
  const proposal = markdownBlocks(fill(settings.memo.proposal), 3);
  if (proposal.length > 0) body.push({ type: 'heading', level: 2, text: words.proposal }, ...proposal);
  const recipients = (fill(settings.memo.sendTo) ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (recipients.length > 0) {
    body.push(
      { type: 'heading', level: 2, text: words.sendTo },
      { type: 'list', ordered: false, items: recipients.map((recipient) => [text(recipient)]) },
    );
  }
  return body.length === 0 ? [] : [{ type: 'heading', level: 1, text: words.memo, section: MEMO_SECTION }, ...body];
}

function labelled(label: string, value: string): Block {
  return { type: 'paragraph', spans: [{ text: `${label}: `, bold: true }, { text: value }] };
}

/**
 * The document's sections (each level-1 heading and what follows it up to the next) in the
 * template's order: the listed ones first, as listed, then the others in the kind's order; a
 * section marked not included is dropped. What comes before the first section stays first.
 */
function orderSections(
  blocks: readonly Block[],
  settings: ReportTemplateSettings,
  kind: string,
  fill: (value: string | null) => string | null,
): Block[] {
  const listed = settings.kinds[kind as keyof ReportTemplateSettings['kinds']]?.sections ?? [];
  if (listed.length === 0) return [...blocks];
  const preamble: Block[] = [];
  const sections: { key: string | null; blocks: Block[] }[] = [];
  for (const block of blocks) {
    if (block.type === 'heading' && block.level === 1) sections.push({ key: block.section ?? null, blocks: [block] });
    else if (sections.length === 0) preamble.push(block);
    else sections.at(-1)!.blocks.push(block);
  }
  const rank = (key: string | null) => {
    const index = listed.findIndex((section) => section.key === key);
    return index === -1 ? listed.length : index;
  };
  const ordered = sections
    .map((section, index) => ({ ...section, index }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.index - b.index);
  const out = [...preamble];
  for (const section of ordered) {
    const setting = listed.find((candidate) => candidate.key === section.key);
    if (setting && !setting.included) continue;
    const [heading, ...rest] = section.blocks;
    out.push(heading!, ...markdownBlocks(fill(setting?.text ?? null), 2), ...rest);
  }
  return out;
}
