import type { ReportTemplateSettings } from '../../../domain/contracts/report-templates.ts';
import type { ReportKind } from '../../../domain/report-kind.ts';
import { REPORT_SECTIONS, TEMPLATE_FIELDS, unknownFields } from '../../../domain/report-template.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

const FIELD_LIST = TEMPLATE_FIELDS.map((field) => `{${field}}`).join(', ');

/** The texts of a template that may hold fields, by the path a problem names. */
function textsOf(settings: ReportTemplateSettings): [string, string | null][] {
  return [
    ['settings.letterhead', settings.letterhead],
    ['settings.cover.title', settings.cover.title],
    ['settings.diarienummer', settings.diarienummer],
    ['settings.caseOfficer', settings.caseOfficer],
    ['settings.memo.proposal', settings.memo.proposal],
    ['settings.memo.sendTo', settings.memo.sendTo],
    ['settings.footer.text', settings.footer.text],
    ...Object.entries(settings.kinds).flatMap(([kind, of]) =>
      (of?.sections ?? []).map(
        (section, index) => [`settings.kinds.${kind}.sections.${index}.text`, section.text] as [string, string | null],
      ),
    ),
  ];
}

/**
 * Refuses, naming each field at fault, a template whose texts hold a field that is not filled
 * in (`{foo}`) or whose sections are not the kind's (or stand twice): a report never prints a
 * placeholder, nor a section order that leaves out a section by a misspelt key.
 */
export function assertValidTemplate(settings: ReportTemplateSettings): void {
  const errors: FieldError[] = [];
  for (const [path, value] of textsOf(settings)) {
    for (const field of unknownFields(value ?? '')) {
      errors.push({ path, message: localize((m) => m.reportTemplates.unknownField(field, FIELD_LIST)) });
    }
  }
  for (const [kind, of] of Object.entries(settings.kinds) as [ReportKind, { sections: { key: string }[] }][]) {
    const known: readonly string[] = REPORT_SECTIONS[kind];
    const seen = new Set<string>();
    of.sections.forEach((section, index) => {
      const path = `settings.kinds.${kind}.sections.${index}.key`;
      if (!known.includes(section.key)) {
        errors.push({ path, message: localize((m) => m.reportTemplates.unknownSection(known.join(', '))) });
      } else if (seen.has(section.key)) {
        errors.push({ path, message: localize((m) => m.reportTemplates.duplicateSection(section.key)) });
      }
      seen.add(section.key);
    });
  }
  if (errors.length > 0) throw new AppError('validation_failed', errors[0]!.message, errors);
}
