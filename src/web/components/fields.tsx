import { useId, type ReactNode } from 'react';

// Labelled native form controls: a label tied to the control, help text and the server's error
// messages announced with the field (aria-describedby), and aria-invalid when there are errors.
// Native inputs keep the browser's own keyboard handling, date pickers and autofill.

export interface FieldProps {
  label: string;
  description?: string | undefined;
  /** Messages from the server for this field (problem+json `errors`). */
  errors?: string[] | undefined;
  isRequired?: boolean;
}

/** The label, the control (given the ids it must carry), the help text and the errors. */
export function Field({
  label,
  description,
  errors,
  isRequired,
  children,
}: FieldProps & { children: (ids: ControlIds) => ReactNode }) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = errors && errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {/* Outside the label, so that the field's name stays the label; `required` tells assistive technology. */}
        {isRequired && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': errorId ? true : undefined,
        required: isRequired,
      })}
      {description && (
        <p id={descriptionId} className="field-description">
          {description}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="field-error">
          {errors!.join(' ')}
        </p>
      )}
    </div>
  );
}

export interface ControlIds {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  required: boolean | undefined;
}

export function InputField({
  value,
  onChange,
  type = 'text',
  inputMode,
  autoComplete,
  min,
  max,
  ...field
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'number' | 'email' | 'url' | 'password';
  inputMode?: 'numeric';
  autoComplete?: string;
  min?: number;
  max?: number;
}) {
  return (
    <Field {...field}>
      {(ids) => (
        <input
          {...ids}
          className="field-input"
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          min={min}
          max={max}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A choice among a few options; `emptyLabel` adds a first option for "none". */
export function SelectField({
  value,
  onChange,
  options,
  emptyLabel,
  ...field
}: FieldProps & { value: string; onChange: (value: string) => void; options: Option[]; emptyLabel?: string }) {
  return (
    <Field {...field}>
      {(ids) => (
        <select {...ids} className="field-input" value={value} onChange={(event) => onChange(event.target.value)}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Several dates (avstämningsdatum), one per line or separated by commas, as YYYY-MM-DD. */
export function parseDateList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}
