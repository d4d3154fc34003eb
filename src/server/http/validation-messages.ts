import type { core } from 'zod';
import type { FieldError, LocalizedText } from '../errors.ts';

type Issue = core.$ZodIssue;

/** Names of the value kinds Zod reports, as a municipal user would say them. */
const KIND_NAMES: Record<string, LocalizedText> = {
  string: { sv: 'text', en: 'text' },
  number: { sv: 'ett tal', en: 'a number' },
  int: { sv: 'ett heltal', en: 'a whole number' },
  boolean: { sv: 'sant eller falskt', en: 'true or false' },
  array: { sv: 'en lista', en: 'a list' },
  object: { sv: 'ett objekt', en: 'an object' },
  date: { sv: 'ett datum', en: 'a date' },
};

const FORMAT_NAMES: Record<string, LocalizedText> = {
  uuid: { sv: 'ett id (UUID)', en: 'an id (UUID)' },
  email: { sv: 'en e-postadress', en: 'an e-mail address' },
  date: { sv: 'ett datum (ÅÅÅÅ-MM-DD)', en: 'a date (YYYY-MM-DD)' },
  datetime: { sv: 'en tidpunkt (ISO 8601)', en: 'a time (ISO 8601)' },
  regex: { sv: 'rätt format', en: 'the right format' },
};

function kindName(kind: string): LocalizedText {
  return KIND_NAMES[kind] ?? { sv: kind, en: kind };
}

function message(issue: Issue, value: unknown): LocalizedText {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { sv: 'Måste anges.', en: 'Is required.' };
      return { sv: `Ska vara ${kindName(issue.expected).sv}.`, en: `Must be ${kindName(issue.expected).en}.` };
    case 'too_small': {
      const limit = String(issue.minimum);
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? { sv: 'Får inte vara tomt.', en: 'Must not be empty.' }
          : { sv: `Ska ha minst ${limit} tecken.`, en: `Must have at least ${limit} characters.` };
      }
      if (issue.origin === 'array')
        return { sv: `Ska ha minst ${limit} poster.`, en: `Must have at least ${limit} entries.` };
      return { sv: `Ska vara minst ${limit}.`, en: `Must be at least ${limit}.` };
    }
    case 'too_big': {
      const limit = String(issue.maximum);
      if (issue.origin === 'string')
        return { sv: `Får ha högst ${limit} tecken.`, en: `Must have at most ${limit} characters.` };
      if (issue.origin === 'array')
        return { sv: `Får ha högst ${limit} poster.`, en: `Must have at most ${limit} entries.` };
      return { sv: `Får vara högst ${limit}.`, en: `Must be at most ${limit}.` };
    }
    case 'invalid_format': {
      const format = FORMAT_NAMES[issue.format] ?? FORMAT_NAMES.regex!;
      return { sv: `Ska vara ${format.sv}.`, en: `Must be ${format.en}.` };
    }
    case 'invalid_value': {
      const allowed = issue.values.map((value) => JSON.stringify(value)).join(', ');
      return { sv: `Ska vara ett av: ${allowed}.`, en: `Must be one of: ${allowed}.` };
    }
    case 'not_multiple_of':
      return {
        sv: `Ska vara en multipel av ${String(issue.divisor)}.`,
        en: `Must be a multiple of ${String(issue.divisor)}.`,
      };
    case 'custom': {
      const params = issue.params as { sv?: string; en?: string } | undefined;
      if (params?.sv && params.en) return { sv: params.sv, en: params.en };
      return { sv: issue.message, en: issue.message };
    }
    default:
      return { sv: 'Värdet är inte giltigt.', en: 'The value is not valid.' };
  }
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: defensive, Zod reports an issue only below values that are objects or arrays in the input
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Turns Zod's issues into field errors with a message in both languages. An unknown field is
 * reported at its own path, so the client can see exactly which field it must not send.
 */
export function fieldErrorsFromIssues(
  issues: readonly Issue[],
  input: unknown,
  prefix: readonly string[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ path: joinPath([...path, key]), message: { sv: 'Okänt fält.', en: 'Unknown field.' } });
      }
    } else {
      // A value that fits none of a union's forms gets the general "Värdet är inte giltigt." too.
      errors.push({ path: joinPath(path), message: message(issue, valueAt(input, issue.path)) });
    }
  }
  return errors;
}
