import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { setArchived, type ArchivableEntity } from '../api/archive.ts';
import { invalidateArchived } from '../api/invalidation.ts';
import { useSubmit } from '../lib/use-submit.ts';
import { ErrorSummary } from './error-summary.tsx';

/**
 * Archives (or restores) plan data after asking: nothing is ever deleted; an archived thing
 * leaves the lists but keeps its history and can be restored from it.
 */
export function ArchiveButton({
  entity,
  name,
  archived = false,
  onDone,
}: {
  entity: ArchivableEntity;
  name: string;
  archived?: boolean;
  onDone: () => Promise<void> | void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  return (
    <>
      <ErrorSummary error={submit.error} />
      <button
        type="button"
        className="button"
        onClick={() =>
          void submit.run(async () => {
            if (!archived && !window.confirm(t('archive.confirm', { name }))) return;
            await setArchived(entity, !archived);
            await invalidateArchived(queryClient, entity);
            await onDone();
          })
        }
      >
        {archived ? t('archive.restore', { name }) : t('archive.archive', { name })}
      </button>
    </>
  );
}
