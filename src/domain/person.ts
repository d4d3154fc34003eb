/**
 * The name history shows for a person. A person who has left is deactivated, never deleted,
 * and is shown with the suffix municipalities know from their current tools.
 */
export function personDisplayName(
  person: { name: string; deactivatedAt: Date | string | null },
  locale: 'sv' | 'en' = 'sv',
): string {
  if (person.deactivatedAt === null) return person.name;
  return `${person.name} (${locale === 'sv' ? 'borttagen' : 'removed'})`;
}
