import type { core } from 'zod';
import type { FieldError, LocalizedText } from '../errors.ts';
import { localize, type ServerMessages } from '../messages/messages.ts';

type Issue = core.$ZodIssue;

/** The name of a value kind Zod reports, as a municipal user would say it; else the kind itself. */
function kindName(messages: ServerMessages, kind: string): string {
  const names: Readonly<Record<string, string>> = messages.validation.kinds;
  return names[kind] ?? kind;
}

/** The name of a text format Zod reports; an unknown one is "the right format". */
function formatName(messages: ServerMessages, format: string): string {
  const names: Readonly<Record<string, string>> = messages.validation.formats;
  return names[format] ?? messages.validation.formats.regex;
}

function message(issue: Issue, value: unknown): LocalizedText {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return localize((m) => m.validation.required);
      return localize((m) => m.validation.mustBe(kindName(m, issue.expected)));
    case 'too_small': {
      const limit = String(issue.minimum);
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? localize((m) => m.validation.notEmpty)
          : localize((m) => m.validation.minCharacters(limit));
      }
      if (issue.origin === 'array') return localize((m) => m.validation.minEntries(limit));
      return localize((m) => m.validation.minValue(limit));
    }
    case 'too_big': {
      const limit = String(issue.maximum);
      if (issue.origin === 'string') return localize((m) => m.validation.maxCharacters(limit));
      if (issue.origin === 'array') return localize((m) => m.validation.maxEntries(limit));
      return localize((m) => m.validation.maxValue(limit));
    }
    case 'invalid_format':
      return localize((m) => m.validation.mustBe(formatName(m, issue.format)));
    case 'invalid_value': {
      const allowed = issue.values.map((value) => JSON.stringify(value)).join(', ');
      return localize((m) => m.validation.oneOf(allowed));
    }
    case 'not_multiple_of':
      return localize((m) => m.validation.multipleOf(String(issue.divisor)));
    case 'custom': {
      const params = issue.params as { sv?: string; en?: string } | undefined;
      if (params?.sv && params.en) return { sv: params.sv, en: params.en };
      return { sv: issue.message, en: issue.message };
    }
    default:
      return localize((m) => m.validation.invalidValue);
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
        errors.push({ path: joinPath([...path, key]), message: localize((m) => m.validation.unknownField) });
      }
    } else {
      // A value that fits none of a union's forms gets the general "Värdet är inte giltigt." too.
      errors.push({ path: joinPath(path), message: message(issue, valueAt(input, issue.path)) });
    }
  }
  return errors;
}
