import { GROUP_SCHEMA, meta, USER_SCHEMA } from './scim-resource.ts';

/** A person as the directory reads it. */
export interface ScimUserRow {
  id: string;
  name: string;
  email: string | null;
  title: string | null;
  scimUserName: string | null;
  scimExternalId: string | null;
  deactivatedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A person as a SCIM User (RFC 7643 §4.1). Uppsikt keeps one name, so it is both `displayName`
 * and `name.formatted`; attributes without a value are left out.
 */
export function presentScimUser(row: ScimUserRow, base: string) {
  return {
    schemas: [USER_SCHEMA],
    id: row.id,
    userName: row.scimUserName,
    ...(row.scimExternalId ? { externalId: row.scimExternalId } : {}),
    name: { formatted: row.name },
    displayName: row.name,
    ...(row.title ? { title: row.title } : {}),
    emails: row.email ? [{ value: row.email, type: 'work', primary: true }] : [],
    active: row.deactivatedAt === null,
    meta: meta('User', `${base}/Users/${row.id}`, row),
  };
}

export interface ScimGroupRow {
  id: string;
  displayName: string;
  externalId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A directory group as a SCIM Group (RFC 7643 §4.2); `members` unless the directory excluded them. */
export function presentScimGroup(row: ScimGroupRow, base: string, members: { userId: string; name: string }[] | null) {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    displayName: row.displayName,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    ...(members === null
      ? {}
      : {
          members: members.map((member) => ({
            value: member.userId,
            display: member.name,
            $ref: `${base}/Users/${member.userId}`,
          })),
        }),
    meta: meta('Group', `${base}/Groups/${row.id}`, row),
  };
}
