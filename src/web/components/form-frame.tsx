import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { EntityForm, SendValues } from '../lib/use-entity-form.ts';
import { ConflictNotice, type ConflictField } from './conflict-notice.tsx';
import { ErrorSummary } from './error-summary.tsx';

interface Props<T extends Record<string, unknown>> {
  form: EntityForm<T>;
  send: SendValues<T>;
  /** The entity as the user started from; for a new one, null (no conflict can arise). */
  base: object | null;
  /** The fields a conflict names, in the words of the form. */
  conflictFields?: ConflictField[];
  /** Turns the entity as it now is into the form's values (needed when there is a base). */
  toValues?: (current: Record<string, unknown>) => T;
  submitLabel?: string;
  className?: string;
  children: ReactNode;
}

/**
 * Everything forms share: a stale save's notice (keep mine / take theirs), the server's
 * refusal above the form, the submit that saves once, and the save button.
 */
export function FormFrame<T extends Record<string, unknown>>({
  form,
  send,
  base,
  conflictFields = [],
  toValues,
  submitLabel,
  className = 'form form-wide',
  children,
}: Props<T>) {
  const { t } = useI18n();
  return (
    <>
      {form.conflict && base && toValues && (
        <ConflictNotice
          base={base as Record<string, unknown>}
          current={form.conflict}
          fields={conflictFields}
          onKeepMine={() => void form.keepMine(send)}
          onTakeTheirs={() => form.takeTheirs(toValues)}
        />
      )}
      <ErrorSummary error={form.submit.error} />
      <form
        className={className}
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void form.save(send);
        }}
      >
        {children}
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {form.submit.pending ? t('form.saving') : (submitLabel ?? t('form.save'))}
          </button>
        </div>
      </form>
    </>
  );
}
