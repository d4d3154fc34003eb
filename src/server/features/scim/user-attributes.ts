import { localize } from '../../messages/messages.ts';
import { invalidValue } from './scim-errors.ts';
import { withoutCoreSchema } from './scim-filter.ts';
import {
  attribute,
  booleanValue,
  isObject,
  optionalText,
  type JsonObject,
  type PatchOperation,
} from './scim-resource.ts';

/**
 * What the directory said about a person, as far as Uppsikt keeps it. An absent field was not
 * mentioned (left as it is); null clears it. Attributes Uppsikt does not keep (addresses, phone
 * numbers, the enterprise extension's department or manager …) are accepted and left out.
 */
export interface UserAttributes {
  userName?: string;
  externalId?: string | null;
  displayName?: string | null;
  formatted?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  email?: string | null;
  title?: string | null;
  active?: boolean;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** Whether a text has the shape of an e-mail address (as the users table's check has it). */
export function looksLikeEmail(value: string): boolean {
  return EMAIL.test(value);
}

function emailValue(value: unknown): string | null {
  const text = optionalText(value, 'emails.value');
  if (text === null) return null;
  if (!looksLikeEmail(text)) throw invalidValue(localize((m) => m.scim.invalidEmail(text)));
  return text.toLowerCase();
}

/** The work or primary address of a list of emails (else the first), or null. */
function emailFromList(value: unknown): string | null {
  const list: unknown[] | null = Array.isArray(value) ? value : isObject(value) ? [value] : null;
  if (list === null) throw invalidValue(localize((m) => m.scim.invalidValue('emails')));
  const entries = list.filter(isObject);
  const chosen =
    entries.find((entry) => attribute(entry, 'primary') === true || attribute(entry, 'primary') === 'True') ??
    entries.find((entry) => {
      const type = attribute(entry, 'type');
      return typeof type === 'string' && type.toLowerCase() === 'work';
    }) ??
    entries[0];
  return chosen ? emailValue(attribute(chosen, 'value')) : null;
}

/** An `emails[…]` value filter Uppsikt keeps: none, the work address or the primary one. */
function keptEmailFilter(filter: string | undefined): boolean {
  if (filter === undefined) return true;
  return /^type\s+eq\s+"work"$/i.test(filter.trim()) || /^primary\s+eq\s+true$/i.test(filter.trim());
}

/** Applies one attribute (by its path) of an operation to what is known so far. */
function applyPath(attributes: UserAttributes, op: PatchOperation['op'], path: string, value: unknown): void {
  const clear = op === 'remove';
  const bare = withoutCoreSchema(path);
  const filtered = /^(\w+)\[([^\]]*)\](?:\.(\w+))?$/.exec(bare);
  const key = (filtered ? `${filtered[1]!}${filtered[3] ? `.${filtered[3]}` : ''}` : bare).toLowerCase();
  switch (key) {
    case 'username': {
      const userName = clear ? null : optionalText(value, 'userName');
      if (userName === null) throw invalidValue(localize((m) => m.scim.required('userName')));
      attributes.userName = userName;
      return;
    }
    case 'externalid':
      attributes.externalId = clear ? null : optionalText(value, 'externalId');
      return;
    case 'displayname':
      attributes.displayName = clear ? null : optionalText(value, 'displayName');
      return;
    case 'title':
      attributes.title = clear ? null : optionalText(value, 'title');
      return;
    case 'active':
      if (!clear) attributes.active = booleanValue(value, 'active');
      return;
    case 'name':
      if (clear) {
        attributes.formatted = null;
        attributes.givenName = null;
        attributes.familyName = null;
      } else if (isObject(value)) {
        for (const [sub, subValue] of Object.entries(value)) applyPath(attributes, op, `name.${sub}`, subValue);
      } else throw invalidValue(localize((m) => m.scim.invalidValue('name')));
      return;
    case 'name.formatted':
      attributes.formatted = clear ? null : optionalText(value, 'name.formatted');
      return;
    case 'name.givenname':
      attributes.givenName = clear ? null : optionalText(value, 'name.givenName');
      return;
    case 'name.familyname':
      attributes.familyName = clear ? null : optionalText(value, 'name.familyName');
      return;
    case 'emails':
      if (!keptEmailFilter(filtered?.[2])) return;
      attributes.email = clear
        ? null
        : filtered
          ? emailValue(isObject(value) ? attribute(value, 'value') : value)
          : emailFromList(value);
      return;
    case 'emails.value':
      if (!keptEmailFilter(filtered?.[2])) return;
      attributes.email = clear ? null : emailValue(value);
      return;
    default:
      // Kept nowhere in Uppsikt: accepted and left out, so the directory's default mappings work.
      return;
  }
}

/** The attributes of a PATCH request's operations, in order (a later one wins). */
export function userAttributesFromPatch(operations: PatchOperation[]): UserAttributes {
  const attributes: UserAttributes = {};
  for (const operation of operations) {
    if (operation.path !== null) applyPath(attributes, operation.op, operation.path, operation.value);
    else
      for (const [path, value] of Object.entries(operation.value as JsonObject))
        applyPath(attributes, operation.op, path, value);
  }
  return attributes;
}

/**
 * The attributes of a whole User resource (POST, PUT): what it does not mention is cleared,
 * except `active`, which stays as it is unless given.
 */
export function userAttributesFromResource(resource: JsonObject): UserAttributes {
  const attributes: UserAttributes = {
    externalId: null,
    displayName: null,
    formatted: null,
    givenName: null,
    familyName: null,
    email: null,
    title: null,
  };
  for (const [path, value] of Object.entries(resource)) {
    if (['schemas', 'id', 'meta'].includes(path.toLowerCase())) continue;
    applyPath(attributes, 'replace', path, value);
  }
  if (attributes.userName === undefined) throw invalidValue(localize((m) => m.scim.required('userName')));
  return attributes;
}

/**
 * The person's name from what the directory sent: displayName, else name.formatted, else the
 * given and family names together (only when both came, so that one of them alone never has
 * to be guessed out of the stored name). Undefined: the request says nothing about the name.
 */
export function nameFrom(attributes: UserAttributes): string | undefined {
  if (attributes.displayName) return attributes.displayName;
  if (attributes.formatted) return attributes.formatted;
  if (attributes.givenName !== undefined && attributes.familyName !== undefined) {
    const joined = [attributes.givenName, attributes.familyName].filter(Boolean).join(' ');
    if (joined) return joined;
  }
  return undefined;
}
