import { localize } from '../../messages/messages.ts';
import { ScimError } from './scim-errors.ts';

/** One comparison of a filter: a (lower-cased) attribute path equal to a value. */
export interface FilterClause {
  attribute: string;
  value: string;
}

const invalidFilter = () =>
  new ScimError(
    400,
    localize((m) => m.scim.invalidFilter),
    'invalidFilter',
  );

/** A quoted JSON string, or true, false or a number, as text. */
const VALUE = String.raw`("(?:[^"\\]|\\.)*"|true|false|-?\d+(?:\.\d+)?)`;
/** `attribute eq value`, the attribute possibly with a sub-attribute or a value filter (`emails[type eq "work"].value`). */
const COMPARISON = new RegExp(
  String.raw`^([A-Za-z][\w:.$-]*(?:\[[^\]]*\])?(?:\.[A-Za-z$][\w$]*)?)\s+eq\s+${VALUE}$`,
  'i',
);
/** `members[value eq "id"]`: a value filter on its own, as Entra ID asks whether a person is in a group. */
const VALUE_PATH = new RegExp(String.raw`^([A-Za-z][\w]*)\[\s*([A-Za-z$][\w$]*)\s+eq\s+${VALUE}\s*\]$`, 'i');

function literal(raw: string): string {
  return raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
}

/** The core schema's URN in front of an attribute is the same as none. */
export function withoutCoreSchema(path: string): string {
  return path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i, '');
}

/**
 * Reads what Entra ID and other directories filter by (RFC 7644 §3.4.2.2): comparisons with
 * `eq`, joined with `and` (`userName eq "anna@kommun.se"`, `externalId eq "…"`,
 * `displayName eq "IK-Samordnare"`, `id eq "…" and members[value eq "…"]`). Anything else — other
 * operators, `or`, `not`, parentheses — is 400 invalidFilter, never a silently wider answer.
 * Attribute names are case-insensitive and come back lower-cased, a value filter as
 * `members.value`, `emails[type eq "work"].value` as `emails.value`.
 */
export function parseFilter(filter: string): FilterClause[] {
  const parts = splitOnAnd(filter.trim());
  return parts.map((part) => {
    const valuePath = VALUE_PATH.exec(part);
    if (valuePath)
      return { attribute: `${valuePath[1]!}.${valuePath[2]!}`.toLowerCase(), value: literal(valuePath[3]!) };
    const comparison = COMPARISON.exec(part);
    if (!comparison) throw invalidFilter();
    const attribute = withoutCoreSchema(comparison[1]!)
      .replace(/\[[^\]]*\]/, '')
      .toLowerCase();
    return { attribute, value: literal(comparison[2]!) };
  });
}

/** Splits at ` and ` outside quotes and brackets. */
function splitOnAnd(filter: string): string[] {
  if (filter === '') throw invalidFilter();
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let depth = 0;
  for (let index = 0; index < filter.length; index++) {
    const char = filter[index]!;
    if (quoted) {
      current += char;
      if (char === '\\') current += filter[++index] ?? '';
      else if (char === '"') quoted = false;
      continue;
    }
    if (char === '"') quoted = true;
    if (char === '[') depth++;
    if (char === ']') depth--;
    if (depth === 0 && /^\s+and\s+/i.test(filter.slice(index)) && /\s/.test(char)) {
      const separator = /^\s+and\s+/i.exec(filter.slice(index))![0];
      parts.push(current.trim());
      current = '';
      index += separator.length - 1;
      continue;
    }
    current += char;
  }
  if (quoted || depth !== 0) throw invalidFilter();
  parts.push(current.trim());
  // Other operators, `or`, `not` and parentheses fail the comparison's pattern in parseFilter.
  if (parts.some((part) => part === '')) throw invalidFilter();
  return parts;
}

/** Paging as RFC 7644 §3.4.2.4 has it: startIndex from 1 (less is 1), count from 0 (at most `max`). */
export function paging(startIndex: string | undefined, count: string | undefined, max: number) {
  const start = Number.parseInt(startIndex ?? '', 10);
  const size = Number.parseInt(count ?? '', 10);
  return {
    startIndex: Number.isFinite(start) && start >= 1 ? start : 1,
    count: Number.isFinite(size) ? Math.min(Math.max(size, 0), max) : max,
  };
}
