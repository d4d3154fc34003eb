import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { ReportKind } from '../../../domain/report-kind.ts';
import { REPORT_SECTIONS, TEMPLATE_FIELDS } from '../../../domain/report-template.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField } from '../../components/fields.tsx';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { invalidateReportTemplates } from '../../api/invalidation.ts';
import {
  putReportTemplate,
  putReportTemplateLogo,
  reportTemplateLogoUrl,
  reportTemplateQueries,
  type ReportTemplate,
} from '../../api/report-templates.ts';
import { ApiError } from '../../lib/api.ts';
import { useSubmit } from '../../lib/use-submit.ts';

type Settings = ReportTemplate['settings'];
type Section = NonNullable<Settings['kinds'][ReportKind]>['sections'][number];

/** The product's neutral template: nothing added to the report. */
const NEUTRAL: Settings = {
  letterhead: null,
  cover: { enabled: false, title: null },
  diarienummer: null,
  caseOfficer: null,
  memo: { enabled: false, proposal: null, sendTo: null },
  footer: { enabled: false, text: null },
  kinds: {},
};

const FIELD_LIST = TEMPLATE_FIELDS.map((field) => `{${field}}`).join(', ');

/** The kind's sections in the template's order: the listed ones first, then the rest in the kind's order. */
function sectionsOf(settings: Settings, kind: ReportKind): Section[] {
  const known: readonly string[] = REPORT_SECTIONS[kind];
  const listed = (settings.kinds[kind]?.sections ?? []).filter((section) => known.includes(section.key));
  return [
    ...listed,
    ...known
      .filter((key) => !listed.some((section) => section.key === key))
      .map((key) => ({ key, included: true, text: null })),
  ];
}

/** Text as the API takes it: an empty field is null. */
const orNull = (value: string) => (value.trim() === '' ? null : value);

/** The same value after the user has stopped changing it for a while. */
function useSettled<T>(value: T, delay = 600): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/**
 * Rapportmall: the tenant's (or the unit's) letterhead, logo, cover page, tjänsteskrivelse,
 * footer and the order, inclusion and standard texts of the chosen kind's sections, with the
 * chosen report shown in the template as it is being written.
 */
export function ReportTemplateEditor({
  kind,
  unitId,
  period,
  tenantAdmin,
}: {
  kind: ReportKind;
  unitId: string;
  period: string;
  /** Whether the person may write the whole organisation's template. */
  tenantAdmin: boolean;
}) {
  const { t } = useI18n();
  const [scope, setScope] = useState<'unit' | 'tenant'>('unit');
  const scopeUnitId = scope === 'tenant' ? null : unitId;
  const read = useQuery(reportTemplateQueries.scope(scopeUnitId));
  const scopeName = useId();
  return (
    <section aria-labelledby="report-template">
      <h2 id="report-template">{t('reports.template')}</h2>
      <p>{t('reports.templateHelp')}</p>
      {tenantAdmin && (
        <fieldset className="field">
          <legend className="field-label">{t('reports.templateScope')}</legend>
          {(['unit', 'tenant'] as const).map((value) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                name={scopeName}
                value={value}
                checked={scope === value}
                onChange={() => setScope(value)}
              />{' '}
              {t(`reports.templateScope.${value}`)}
            </label>
          ))}
        </fieldset>
      )}
      {read.error ? (
        <LoadFailed error={read.error} retry={() => void read.refetch()} />
      ) : !read.data ? (
        <Loading />
      ) : (
        <TemplateForm
          // Keyed by scope only: the first save creates the template, and the form (with its
          // confirmation and the version it now writes against) must stay as it is.
          key={scope}
          kind={kind}
          unitId={unitId}
          period={period}
          scopeUnitId={scopeUnitId}
          own={read.data.template}
          inherited={read.data.inherited}
        />
      )}
    </section>
  );
}

function TemplateForm({
  kind,
  unitId,
  period,
  scopeUnitId,
  own,
  inherited,
}: {
  kind: ReportKind;
  unitId: string;
  period: string;
  scopeUnitId: string | null;
  own: ReportTemplate | null;
  inherited: ReportTemplate | null;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const logoSubmit = useSubmit();
  const [settings, setSettings] = useState<Settings>(own?.settings ?? inherited?.settings ?? NEUTRAL);
  const [version, setVersion] = useState(own?.version ?? null);
  const [logo, setLogo] = useState(own?.logo ?? null);
  const [status, setStatus] = useState('');
  const change = (patch: Partial<Settings>) => {
    setStatus('');
    setSettings((current) => ({ ...current, ...patch }));
  };
  const sections = sectionsOf(settings, kind);
  const setSections = (next: Section[]) => change({ kinds: { ...settings.kinds, [kind]: { sections: next } } });
  const moveSection = (index: number, by: -1 | 1) => {
    const next = [...sections];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setSections(next);
  };
  const sectionLabel = (key: string) => t(`reports.templateSection.${key}` as 'reports.templateSection.risks');
  const errors = (path: string) => submit.fieldErrors(`settings.${path}`);

  const settled = useSettled(settings);
  const preview = useQuery(
    reportTemplateQueries.preview({
      kind,
      unitId,
      period,
      lang: locale,
      templateUnitId: scopeUnitId,
      settings: settled,
    }),
  );

  const uploadLogo = (content: string | null) =>
    void logoSubmit.run(async () => {
      const written = await putReportTemplateLogo({
        unitId: scopeUnitId,
        content,
        ...(version === null ? {} : { version }),
      });
      setVersion(written.version);
      setLogo(written.logo);
      setStatus(content === null ? t('reports.logoRemoved') : t('reports.logoSaved'));
      await invalidateReportTemplates(queryClient);
    });

  return (
    <div className="report-template">
      <form
        noValidate
        className="stack"
        aria-label={t('reports.template')}
        onSubmit={(event) => {
          event.preventDefault();
          setStatus('');
          void submit.run(async () => {
            const written = await putReportTemplate({
              unitId: scopeUnitId,
              settings,
              ...(version === null ? {} : { version }),
            });
            setVersion(written.version);
            setStatus(t('reports.templateSaved'));
            await invalidateReportTemplates(queryClient);
          });
        }}
      >
        {own === null && (
          <p className="notice">{inherited ? t('reports.templateFromTenant') : t('reports.templateNone')}</p>
        )}
        <ErrorSummary error={submit.error} />
        <p className="field-description">{t('reports.templateFields', { fields: FIELD_LIST })}</p>

        <fieldset>
          <legend>{t('reports.templateLetterhead')}</legend>
          <TextArea
            label={t('reports.templateLetterheadText')}
            description={t('reports.templateLetterheadHelp')}
            value={settings.letterhead ?? ''}
            onChange={(value) => change({ letterhead: orNull(value) })}
            errors={errors('letterhead')}
            rows={2}
          />
          <div className="field">
            <p className="field-label">{t('reports.logo')}</p>
            {logo ? (
              <p>
                <img
                  key={version}
                  className="template-logo"
                  src={reportTemplateLogoUrl(scopeUnitId)}
                  alt={t('reports.logoCurrent')}
                  width={logo.width}
                  height={logo.height}
                />
              </p>
            ) : (
              <p>{t('reports.logoNone')}</p>
            )}
            <LogoInput
              label={logo ? t('reports.logoReplace') : t('reports.logoChoose')}
              errors={logoSubmit.fieldErrors('content')}
              error={logoSubmit.error}
              onFile={(content) => uploadLogo(content)}
            />
            {logo && (
              <button type="button" className="button button-quiet" onClick={() => uploadLogo(null)}>
                {t('reports.logoRemove')}
              </button>
            )}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('reports.templateCover')}</legend>
          <Checkbox
            label={t('reports.templateCoverEnabled')}
            checked={settings.cover.enabled}
            onChange={(enabled) => change({ cover: { ...settings.cover, enabled } })}
          />
          <InputField
            label={t('reports.templateCoverTitle')}
            description={t('reports.templateCoverTitleHelp')}
            value={settings.cover.title ?? ''}
            onChange={(value) => change({ cover: { ...settings.cover, title: orNull(value) } })}
            errors={errors('cover.title')}
          />
          <InputField
            label={t('reports.templateDiarienummer')}
            value={settings.diarienummer ?? ''}
            onChange={(value) => change({ diarienummer: orNull(value) })}
            errors={errors('diarienummer')}
          />
          <InputField
            label={t('reports.templateCaseOfficer')}
            value={settings.caseOfficer ?? ''}
            onChange={(value) => change({ caseOfficer: orNull(value) })}
            errors={errors('caseOfficer')}
          />
        </fieldset>

        <fieldset>
          <legend>{t('reports.templateMemo')}</legend>
          <Checkbox
            label={t('reports.templateMemoEnabled')}
            checked={settings.memo.enabled}
            onChange={(enabled) => change({ memo: { ...settings.memo, enabled } })}
          />
          <TextArea
            label={t('reports.templateProposal')}
            value={settings.memo.proposal ?? ''}
            onChange={(value) => change({ memo: { ...settings.memo, proposal: orNull(value) } })}
            errors={errors('memo.proposal')}
            rows={3}
          />
          <TextArea
            label={t('reports.templateSendTo')}
            description={t('reports.templateSendToHelp')}
            value={settings.memo.sendTo ?? ''}
            onChange={(value) => change({ memo: { ...settings.memo, sendTo: orNull(value) } })}
            errors={errors('memo.sendTo')}
            rows={2}
          />
        </fieldset>

        <fieldset>
          <legend>{t('reports.templateFooter')}</legend>
          <Checkbox
            label={t('reports.templateFooterEnabled')}
            checked={settings.footer.enabled}
            onChange={(enabled) => change({ footer: { ...settings.footer, enabled } })}
          />
          <InputField
            label={t('reports.templateFooterText')}
            value={settings.footer.text ?? ''}
            onChange={(value) => change({ footer: { ...settings.footer, text: orNull(value) } })}
            errors={errors('footer.text')}
          />
        </fieldset>

        <fieldset>
          <legend>{t('reports.templateSections', { kind: t(`reports.kind.${kind}`) })}</legend>
          {sections.length === 0 ? (
            <p>{t('reports.templateNoSections')}</p>
          ) : (
            <ol className="template-sections">
              {sections.map((section, index) => {
                const name = sectionLabel(section.key);
                const setSection = (patch: Partial<Section>) =>
                  setSections(sections.map((other, at) => (at === index ? { ...other, ...patch } : other)));
                return (
                  <li key={section.key} className="stack">
                    <Checkbox
                      label={t('reports.templateSectionIncluded', { section: name })}
                      checked={section.included}
                      onChange={(included) => setSection({ included })}
                    />
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-disabled={index === 0}
                        onClick={() => index > 0 && moveSection(index, -1)}
                      >
                        {t('reports.templateMoveUp')}
                        <span className="visually-hidden"> {name}</span>
                      </button>
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-disabled={index === sections.length - 1}
                        onClick={() => index < sections.length - 1 && moveSection(index, 1)}
                      >
                        {t('reports.templateMoveDown')}
                        <span className="visually-hidden"> {name}</span>
                      </button>
                    </div>
                    <TextArea
                      label={t('reports.templateSectionText', { section: name })}
                      value={section.text ?? ''}
                      onChange={(value) => setSection({ text: orNull(value) })}
                      errors={errors(`kinds.${kind}.sections.${index}.text`)}
                      rows={2}
                    />
                  </li>
                );
              })}
            </ol>
          )}
        </fieldset>

        <div className="button-row">
          <button type="submit" className="button" aria-disabled={submit.pending}>
            {t('reports.templateSave')}
          </button>
          <span role="status">{status}</span>
        </div>
      </form>

      <section aria-labelledby="report-template-preview" className="report-template-preview">
        <h3 id="report-template-preview">{t('reports.templatePreview')}</h3>
        {preview.error ? <ErrorSummary error={preview.error instanceof ApiError ? preview.error : null} /> : null}
        {preview.data === undefined ? (
          preview.error ? null : (
            <Loading />
          )
        ) : (
          <iframe
            className="report-preview"
            title={t('reports.templatePreviewOf', { title: t(`reports.kind.${kind}`) })}
            srcDoc={preview.data}
            sandbox=""
          />
        )}
      </section>
    </div>
  );
}

function Checkbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} /> {label}
    </label>
  );
}

function TextArea({
  label,
  description,
  value,
  onChange,
  errors,
  rows,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  errors: string[] | undefined;
  rows: number;
}) {
  const id = useId();
  const invalid = errors !== undefined && errors.length > 0;
  const describedBy = [description ? `${id}-description` : null, invalid ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        className="field-input"
        rows={rows}
        value={value}
        aria-describedby={describedBy || undefined}
        aria-invalid={invalid || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {description && (
        <p id={`${id}-description`} className="field-description">
          {description}
        </p>
      )}
      {invalid && (
        <p id={`${id}-error`} className="field-error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

/** A PNG or JPEG file, read and handed on base64-encoded; the server checks what it is. */
function LogoInput({
  label,
  errors,
  error,
  onFile,
}: {
  label: string;
  errors: string[] | undefined;
  error: ApiError | null;
  onFile: (content: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const invalid = errors !== undefined && errors.length > 0;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg"
        aria-describedby={`${id}-description${invalid ? ` ${id}-error` : ''}`}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          void file.arrayBuffer().then((buffer) => {
            const bytes = new Uint8Array(buffer);
            let binary = '';
            for (let at = 0; at < bytes.length; at += 0x8000)
              binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
            onFile(btoa(binary));
          });
          event.target.value = '';
        }}
      />
      <p id={`${id}-description`} className="field-description">
        {t('reports.logoHelp')}
      </p>
      {invalid ? (
        <p id={`${id}-error`} className="field-error">
          {errors.join(' ')}
        </p>
      ) : (
        error && <p className="field-error">{error.message}</p>
      )}
    </div>
  );
}
