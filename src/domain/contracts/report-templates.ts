import { z } from 'zod';
import { REPORT_KINDS } from '../report-kind.ts';
import { LOGO_TYPES } from '../report-template.ts';
import { id, markdown } from './common.ts';
import { reportPeriod } from './reports.ts';

const FIELDS_NOTE = 'May hold the fields {nämnd}, {år}, {period} and {datum}; any other field is refused.';

/** A line or a few lines of text, null when not used. */
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** One section of a report kind in the template: where it stands, whether it is printed, the text it opens with. */
export const reportTemplateSection = z.strictObject({
  key: z.string().trim().min(1).max(60).meta({ description: 'The section, a key of REPORT_SECTIONS of the kind.' }),
  included: z.boolean().default(true),
  text: markdown
    .trim()
    .nullable()
    .default(null)
    .meta({
      description: `The standard text printed under the section's heading (Markdown). ${FIELDS_NOTE}`,
    }),
});

export const reportTemplateSettings = z
  .strictObject({
    letterhead: optionalText(500).meta({
      description: "The organisation's name and address, printed at the top of every page (one line per line).",
    }),
    cover: z
      .strictObject({
        enabled: z.boolean().default(false),
        title: optionalText(200).meta({ description: `The cover's title; null: the report's title. ${FIELDS_NOTE}` }),
      })
      .default({ enabled: false, title: null }),
    diarienummer: optionalText(100).meta({ description: 'Printed on the cover page and in the tjänsteskrivelse.' }),
    caseOfficer: optionalText(200).meta({
      description: 'Handläggare: printed on the cover page and in the tjänsteskrivelse.',
    }),
    memo: z
      .strictObject({
        enabled: z.boolean().default(false),
        proposal: markdown
          .trim()
          .nullable()
          .default(null)
          .meta({
            description: `Förslag till beslut (Markdown). ${FIELDS_NOTE}`,
          }),
        sendTo: optionalText(1000).meta({ description: 'Beslutet skickas till: one recipient per line.' }),
      })
      .default({ enabled: false, proposal: null, sendTo: null })
      .meta({ description: 'The tjänsteskrivelse printed before the report’s sections.' }),
    footer: z
      .strictObject({
        enabled: z.boolean().default(false),
        text: optionalText(300).meta({ description: `The footer's text beside "Sida 2 av 5". ${FIELDS_NOTE}` }),
      })
      .default({ enabled: false, text: null }),
    kinds: z
      .partialRecord(z.enum(REPORT_KINDS), z.strictObject({ sections: z.array(reportTemplateSection).max(40) }))
      .default({})
      .meta({
        description:
          'Per report kind, its sections in the order printed; a section left out of the list keeps its place after the listed ones.',
      }),
  })
  .meta({ id: 'ReportTemplateSettings' });

export type ReportTemplateSettings = z.infer<typeof reportTemplateSettings>;

export const reportTemplateLogo = z
  .object({
    type: z.enum(LOGO_TYPES),
    width: z.int(),
    height: z.int(),
    byteSize: z.int(),
  })
  .meta({ id: 'ReportTemplateLogo' });

export const reportTemplate = z
  .object({
    id,
    unitId: id.nullable().meta({ description: "Null: the tenant's template." }),
    settings: reportTemplateSettings,
    logo: reportTemplateLogo.nullable(),
    version: z.int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReportTemplate' });

export const reportTemplateQuery = z.strictObject({
  unit: id.optional().meta({ description: "The unit's template; leave out for the tenant's." }),
});

export const reportTemplateRead = z
  .object({
    template: reportTemplate.nullable().meta({ description: 'The template of the scope asked for; null when none.' }),
    inherited: reportTemplate
      .nullable()
      .meta({ description: "For a unit: the tenant's template, which applies while the unit has none." }),
  })
  .meta({ id: 'ReportTemplateRead' });

export const reportTemplatePut = z
  .strictObject({
    unitId: id.nullable().default(null).meta({ description: "Null: the tenant's template." }),
    settings: reportTemplateSettings,
    version: z
      .int()
      .min(1)
      .optional()
      .meta({ description: 'The version you changed; leave out to write a new template.' }),
  })
  .meta({ id: 'ReportTemplatePut' });

export const reportTemplateLogoPut = z
  .strictObject({
    unitId: id.nullable().default(null),
    content: z.base64().nullable().meta({
      description:
        'The image, base64-encoded: PNG or JPEG (found from its content), at most 1 MB; null removes the logo.',
    }),
    version: z
      .int()
      .min(1)
      .optional()
      .meta({ description: 'The version of the template you changed, when there is one.' }),
  })
  .meta({ id: 'ReportTemplateLogoPut' });

export const reportTemplatePreview = z
  .strictObject({
    kind: z.enum(REPORT_KINDS),
    unitId: id.meta({ description: 'The unit the previewed report is about.' }),
    period: reportPeriod,
    lang: z.enum(['sv', 'en']).optional(),
    templateUnitId: id.nullable().default(null).meta({
      description: "Whose stored logo the preview shows: the unit's template or (null) the tenant's.",
    }),
    settings: reportTemplateSettings,
  })
  .meta({ id: 'ReportTemplatePreview' });
