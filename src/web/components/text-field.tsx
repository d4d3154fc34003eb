import { FieldError, Input, Label, Text, TextField as AriaTextField, type TextFieldProps } from 'react-aria-components';

interface Props extends Omit<TextFieldProps, 'children'> {
  label: string;
  description?: string | undefined;
  /** Messages from the server for this field (problem+json `errors`). */
  errors?: string[] | undefined;
}

/** A labelled text input with its help text and its error messages, announced with the field. */
export function TextField({ label, description, errors, ...props }: Props) {
  const invalid = errors !== undefined && errors.length > 0;
  return (
    <AriaTextField {...props} isInvalid={invalid || props.isInvalid} className="field">
      <Label className="field-label">{label}</Label>
      <Input className="field-input" />
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <FieldError className="field-error">{errors?.join(' ')}</FieldError>
    </AriaTextField>
  );
}
