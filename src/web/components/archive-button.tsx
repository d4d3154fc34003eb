import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { api } from '../lib/api.ts';
import { useSubmit } from '../lib/use-submit.ts';
import { ErrorSummary } from './error-summary.tsx';

/**
 * Archives (or restores) plan data after asking: nothing is ever deleted; an archived thing
 * leaves the lists but keeps its history and can be restored from it.
 */
export function ArchiveButton({
  path,
  name,
  archived = false,
  onDone,
}: {
  path: string;
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
            await api(`${path}/${archived ? 'restore' : 'archive'}`, { method: 'POST' });
            await queryClient.invalidateQueries();
            await onDone();
          })
        }
      >
        {archived ? t('archive.restore', { name }) : t('archive.archive', { name })}
      </button>
    </>
  );
}
