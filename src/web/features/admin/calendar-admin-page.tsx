import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CALENDAR_EVENT_KINDS } from '../../../domain/calendar-event.ts';
import { ROLES, ROLE_LABELS, type Role } from '../../../domain/role.ts';
import { REPORTING_PERIOD_KINDS, type ReportingPeriodKind } from '../../../domain/reporting-period.ts';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { MarkdownText } from '../../components/markdown-text.tsx';
import { unitOptions } from '../../components/unit-filter.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  calendarQueries,
  createCalendarEvent,
  createPeriod,
  removeCalendarEvent,
  updateCalendarEvent,
} from '../../api/reporting-calendar.ts';
import { invalidateCalendar } from '../../api/invalidation.ts';
import { formatDate } from '../../lib/format.ts';
import { webYear } from '../../lib/clock.ts';
import { periodLabel, type Calendar } from '../../lib/periods.ts';
import { byId, useOrgUnits } from '../../lib/reference-data.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { AdminPage } from './admin-nav.tsx';

/** The årshjul of a year: the reporting periods, and the nämnd and KS meetings with what they discuss. */
export function CalendarAdminPage() {
  const { t, locale, formatLocale } = useI18n();
  const [year, setYear] = useState(webYear());
  const calendar = useQuery(calendarQueries.year(year));
  // A meeting early in the year may report on last year (the year-end reporting): its periods are offered too.
  const previous = useQuery(calendarQueries.year(year - 1));
  const units = useOrgUnits();
  const queryClient = useQueryClient();
  const removal = useSubmit();
  const years = Array.from({ length: 12 }, (_, index) => String(webYear() + 2 - index));
  const error = calendar.error ?? previous.error ?? units.error;
  if (error)
    return (
      <AdminPage title={t('admin.calendar')}>
        <LoadFailed error={error} />
      </AdminPage>
    );
  const unitById = byId(units.data);
  const periodOptions = [...(previous.data?.periods ?? []), ...(calendar.data?.periods ?? [])].map((period) => ({
    value: period.id,
    label: periodLabel(period, locale),
  }));
  return (
    <AdminPage title={t('admin.calendar')}>
      <SelectField
        label={t('overview.year')}
        value={String(year)}
        onChange={(value) => setYear(Number(value))}
        options={years.map((entry) => ({ value: entry, label: entry }))}
      />
      {!calendar.data || !previous.data || !units.data ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="periods-heading" className="section">
            <h2 id="periods-heading">{t('admin.periods', { year })}</h2>
            {calendar.data.periods.length === 0 ? (
              <p>{t('admin.noPeriods')}</p>
            ) : (
              <ul className="plain-list">
                {calendar.data.periods.map((period) => (
                  <li key={period.id}>
                    <strong>{periodLabel(period, locale)}</strong> {formatDate(period.startDate, formatLocale)} –{' '}
                    {formatDate(period.endDate, formatLocale)}
                  </li>
                ))}
              </ul>
            )}
            <NewPeriod year={year} />
          </section>
          <section aria-labelledby="events-heading" className="section">
            <h2 id="events-heading">{t('admin.events', { year })}</h2>
            <ErrorSummary error={removal.error} />
            {calendar.data.events.length === 0 ? (
              <p>{t('admin.noEvents')}</p>
            ) : (
              <ul className="item-list">
                {calendar.data.events.map((event) => (
                  <li key={event.id} className="item-card">
                    <h3 className="item-title">
                      {event.datePrecision === 'month'
                        ? new Intl.DateTimeFormat(formatLocale, {
                            month: 'long',
                            year: 'numeric',
                            timeZone: 'UTC',
                          }).format(new Date(`${event.date}T00:00:00Z`))
                        : formatDate(event.date, formatLocale)}{' '}
                      · {event.title}
                    </h3>
                    <p className="muted">
                      {t(`eventKind.${event.kind}`)}
                      {event.role ? ` · ${ROLE_LABELS[event.role][locale]}` : ''}
                      {event.unitId ? ` · ${unitById.get(event.unitId)?.name ?? ''}` : ''}
                    </p>
                    <MarkdownText text={event.agenda} />
                    <details>
                      <summary>{t('admin.editEvent', { title: event.title })}</summary>
                      <EventForm year={year} units={unitOptions(units.data)} periods={periodOptions} event={event} />
                    </details>
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      onClick={() =>
                        void removal.run(async () => {
                          if (!window.confirm(t('admin.confirmRemoveEvent', { title: event.title }))) return;
                          await removeCalendarEvent(event.id);
                          await invalidateCalendar(queryClient);
                        })
                      }
                    >
                      {t('admin.removeEvent', { title: event.title })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <EventForm year={year} units={unitOptions(units.data)} periods={periodOptions} />
          </section>
        </>
      )}
    </AdminPage>
  );
}

function NewPeriod({ year }: { year: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm({ kind: 'quarter', number: '1', name: '', startDate: '', endDate: '' });
  const { values, set, submit } = form;
  async function send(formValues: typeof values) {
    await createPeriod({
      kind: formValues.kind as ReportingPeriodKind,
      year,
      number: ['quarter', 'tertial', 'forecast'].includes(formValues.kind) ? Number(formValues.number) : null,
      name: formValues.name.trim() || null,
      startDate: formValues.startDate || undefined,
      endDate: formValues.endDate || undefined,
    });
    await invalidateCalendar(queryClient);
    form.reset({ ...formValues, startDate: '', endDate: '', name: '' });
  }
  return (
    <form
      className="form subform"
      noValidate
      aria-labelledby="new-period-heading"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void form.save(send);
      }}
    >
      <h3 id="new-period-heading">{t('admin.newPeriod')}</h3>
      <ErrorSummary error={submit.error} />
      <div className="field-row">
        <SelectField
          label={t('admin.periodKind')}
          value={values.kind}
          onChange={(value) => set('kind', value)}
          options={REPORTING_PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`periodKind.${kind}`) }))}
          errors={submit.fieldErrors('kind')}
        />
        {['quarter', 'tertial', 'forecast'].includes(values.kind) && (
          <InputField
            label={t('admin.periodNumber')}
            type="number"
            inputMode="numeric"
            value={values.number}
            onChange={(value) => set('number', value)}
            errors={submit.fieldErrors('number')}
          />
        )}
        <InputField
          label={t('admin.name')}
          isRequired={values.kind === 'custom'}
          description={values.kind === 'custom' ? undefined : t('admin.periodNameHelp')}
          value={values.name}
          onChange={(value) => set('name', value)}
          errors={submit.fieldErrors('name')}
        />
        <InputField
          label={t('item.start')}
          description={t('admin.datesHelp')}
          type="date"
          value={values.startDate}
          onChange={(value) => set('startDate', value)}
          errors={submit.fieldErrors('startDate')}
        />
        <InputField
          label={t('myWork.endDate')}
          type="date"
          value={values.endDate}
          onChange={(value) => set('endDate', value)}
          errors={submit.fieldErrors('endDate')}
        />
      </div>
      <button type="submit" className="button button-primary">
        {submit.pending ? t('form.saving') : t('admin.addPeriod')}
      </button>
    </form>
  );
}

type CalendarEvent = Calendar['events'][number];

const toEventValues = (event: Partial<CalendarEvent> | null) => ({
  kind: event?.kind ?? 'namnd_meeting',
  date: event?.date ?? '',
  title: event?.title ?? '',
  unitId: event?.unitId ?? '',
  agenda: event?.agenda ?? '',
  role: event?.role ?? '',
  periodId: event?.periodId ?? '',
});

/** A new meeting or deadline, or a change of one (`event`). */
function EventForm({
  year,
  units,
  periods,
  event,
}: {
  year: number;
  units: { value: string; label: string }[];
  periods: { value: string; label: string }[];
  event?: CalendarEvent;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm(toEventValues(event ?? null), event?.version);
  const { values, set, submit } = form;
  async function send(formValues: typeof values, version: number | undefined) {
    const body = {
      kind: formValues.kind,
      date: formValues.date,
      title: formValues.title,
      unitId: formValues.unitId || null,
      agenda: formValues.agenda || null,
      role: formValues.kind === 'deadline' ? (formValues.role as Role) || null : null,
      periodId: formValues.periodId || null,
    };
    if (event) await updateCalendarEvent(event.id, { ...body, version });
    else await createCalendarEvent(body);
    await invalidateCalendar(queryClient);
    if (!event) form.reset(toEventValues(null));
  }
  // A change is opened from its summary, which already names it; a new one has a heading.
  return (
    <section
      {...(event
        ? { 'aria-label': t('admin.editEvent', { title: event.title }) }
        : { 'aria-labelledby': 'new-event-heading', className: 'subform' })}
    >
      {!event && <h3 id="new-event-heading">{t('admin.newEvent', { year })}</h3>}
      <FormFrame
        form={form}
        send={send}
        base={event ?? null}
        conflictFields={[
          { key: 'title', label: t('admin.eventTitle') },
          { key: 'date', label: t('admin.date') },
        ]}
        toValues={(current) => toEventValues(current)}
        submitLabel={event ? t('form.save') : t('admin.addEvent')}
        className="form"
      >
        <div className="field-row">
          <SelectField
            label={t('admin.eventKind')}
            value={values.kind}
            onChange={(value) => set('kind', value as typeof values.kind)}
            options={CALENDAR_EVENT_KINDS.map((kind) => ({ value: kind, label: t(`eventKind.${kind}`) }))}
          />
          <InputField
            label={t('admin.date')}
            type="date"
            isRequired
            value={values.date}
            onChange={(value) => set('date', value)}
            errors={submit.fieldErrors('date')}
          />
          <SelectField
            label={t('plan.unit')}
            value={values.unitId}
            onChange={(value) => set('unitId', value)}
            options={units}
            emptyLabel={t('admin.wholeTenant')}
            errors={submit.fieldErrors('unitId')}
          />
        </div>
        <InputField
          label={t('admin.eventTitle')}
          isRequired
          value={values.title}
          onChange={(value) => set('title', value)}
          errors={submit.fieldErrors('title')}
        />
        {values.kind === 'deadline' && (
          <SelectField
            label={t('admin.deadlineRole')}
            description={t('admin.deadlineRoleHelp')}
            value={values.role}
            onChange={(value) => set('role', value)}
            options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role][locale] }))}
            emptyLabel={t('admin.everyRole')}
            errors={submit.fieldErrors('role')}
          />
        )}
        {values.kind !== 'deadline' && (
          <SelectField
            label={t('admin.eventPeriod')}
            description={t('admin.eventPeriodHelp')}
            value={values.periodId}
            onChange={(value) => set('periodId', value)}
            options={periods}
            emptyLabel={t('admin.eventPeriodNone')}
            errors={submit.fieldErrors('periodId')}
          />
        )}
        <MarkdownField
          label={t('admin.agenda')}
          value={values.agenda}
          onChange={(value) => set('agenda', value)}
          errors={submit.fieldErrors('agenda')}
          rows={4}
        />
      </FormFrame>
    </section>
  );
}
