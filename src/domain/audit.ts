/** Who or what made a change: a signed-in person, an API token, or the system (imports, jobs). */
export const ACTOR_KINDS = ['user', 'token', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
