import { localize } from '../../messages/messages.ts';
import { invalidValue, ScimError } from './scim-errors.ts';
import { withoutCoreSchema } from './scim-filter.ts';
import { optionalText, type JsonObject, type PatchOperation } from './scim-resource.ts';
import { memberIds } from './group-rules.ts';

/** What the directory said about a group; absent: not mentioned. */
export interface GroupAttributes {
  displayName?: string;
  externalId?: string | null;
  /** The whole membership (POST, PUT, or a PATCH that replaces `members`). */
  members?: string[];
}

/** A change of membership by PATCH, in the order sent. */
export type MemberChange =
  { kind: 'add' | 'remove'; ids: string[] } | { kind: 'removeAll' } | { kind: 'replace'; ids: string[] };

function displayName(value: unknown): string {
  const name = optionalText(value, 'displayName');
  if (name === null) throw invalidValue(localize((m) => m.scim.required('displayName')));
  return name;
}

/** A Group resource (POST, PUT): its name (required), external id and members. */
export function groupAttributesFromResource(resource: JsonObject): GroupAttributes & { displayName: string } {
  const attributes: GroupAttributes = { externalId: null, members: [] };
  for (const [key, value] of Object.entries(resource)) {
    const path = withoutCoreSchema(key).toLowerCase();
    if (path === 'displayname') attributes.displayName = displayName(value);
    else if (path === 'externalid') attributes.externalId = optionalText(value, 'externalId');
    else if (path === 'members') attributes.members = memberIds(value);
  }
  if (attributes.displayName === undefined) throw invalidValue(localize((m) => m.scim.required('displayName')));
  return attributes as GroupAttributes & { displayName: string };
}

/**
 * A PATCH of a group: its name and external id, and the changes of membership Entra ID sends
 * (`add` and `remove` of `members` with a list, `remove` of `members[value eq "id"]`, `remove`
 * of `members` without a value: everyone). Paths Uppsikt does not keep are left out.
 */
export function groupChangesFromPatch(operations: PatchOperation[]) {
  const attributes: Omit<GroupAttributes, 'members'> = {};
  const memberChanges: MemberChange[] = [];
  const apply = (op: PatchOperation['op'], rawPath: string, value: unknown) => {
    const path = withoutCoreSchema(rawPath);
    const valuePath = /^members\s*\[\s*value\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\]$/i.exec(path);
    if (valuePath) {
      if (op !== 'remove')
        throw new ScimError(
          400,
          localize((m) => m.scim.invalidPath(rawPath)),
          'invalidPath',
        );
      memberChanges.push({ kind: 'remove', ids: [JSON.parse(`"${valuePath[1]!}"`) as string] });
      return;
    }
    switch (path.toLowerCase()) {
      case 'displayname':
        if (op === 'remove') throw invalidValue(localize((m) => m.scim.required('displayName')));
        attributes.displayName = displayName(value);
        return;
      case 'externalid':
        attributes.externalId = op === 'remove' ? null : optionalText(value, 'externalId');
        return;
      case 'members':
        if (op === 'add') memberChanges.push({ kind: 'add', ids: memberIds(value) });
        else if (op === 'replace') memberChanges.push({ kind: 'replace', ids: memberIds(value) });
        else if (value === undefined || value === null) memberChanges.push({ kind: 'removeAll' });
        else memberChanges.push({ kind: 'remove', ids: memberIds(value) });
        return;
      default:
        return;
    }
  };
  for (const operation of operations) {
    if (operation.path !== null) apply(operation.op, operation.path, operation.value);
    else for (const [path, value] of Object.entries(operation.value as JsonObject)) apply(operation.op, path, value);
  }
  return { attributes, memberChanges };
}
