import { useState } from 'react';
import { useUnsavedGuard } from './use-unsaved-guard.ts';
import { ApiError } from './api.ts';
import { useSubmit } from './use-submit.ts';

type Values = Record<string, unknown>;

/**
 * The state of a form that creates or changes one entity: the values, whether anything is
 * unsaved (then leaving asks first), the version it started from, and a stale save (409) with
 * the entity as it now is, so the user can keep their text and decide.
 */
export function useEntityForm<T extends Values>(initial: T, initialVersion?: number) {
  const [base, setBase] = useState<T>(initial);
  const [values, setValues] = useState<T>(initial);
  const [version, setVersion] = useState(initialVersion);
  const [conflict, setConflict] = useState<Values | null>(null);
  const submit = useSubmit();
  const dirty = JSON.stringify(values) !== JSON.stringify(base);
  const release = useUnsavedGuard(dirty);

  function set<K extends keyof T>(key: K, value: T[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
  }

  /** Saves from `fromVersion`; a 409 keeps the user's values and shows what the other person changed. */
  async function saveFrom(send: SendValues<T>, fromVersion: number | undefined) {
    await submit.run(async () => {
      try {
        release(true);
        await send(values, fromVersion);
      } catch (error) {
        release(false);
        if (
          error instanceof ApiError &&
          error.status === 409 &&
          error.problem.current &&
          typeof error.problem.current === 'object'
        ) {
          setConflict(error.problem.current as Values);
          return;
        }
        throw error;
      }
    });
  }

  return {
    values,
    set,
    dirty,
    base,
    version,
    conflict,
    submit,
    /** Saves from the version the form started from (or last took over). */
    save: (send: SendValues<T>) => saveFrom(send, version),
    /** The user keeps their own values and saves them over the newer version. */
    keepMine(send: SendValues<T>) {
      const current = conflict!;
      setConflict(null);
      setVersion(current.version as number);
      return saveFrom(send, current.version as number);
    },
    /** Starts again from these values (after a save that stays on the page). */
    reset(next: T) {
      release(false);
      setBase(next);
      setValues(next);
      setConflict(null);
    },
    /** The user takes the other version into the form (their own text is replaced). */
    takeTheirs(toValues: (current: Values) => T) {
      const current = conflict!;
      const next = toValues(current);
      setBase(next);
      setValues(next);
      setVersion(current.version as number);
      setConflict(null);
    },
  };
}

/** What `useEntityForm` returns. */
export type EntityForm<T extends Values> = ReturnType<typeof useEntityForm<T>>;

/** How a form sends its values: a create (version undefined) or a change from `version`. */
export type SendValues<T> = (values: T, version: number | undefined) => Promise<void>;
