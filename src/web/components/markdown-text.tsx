import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { renderMarkdown } from '../lib/markdown.ts';

/** A long text written in Markdown, shown formatted: headings, lists, tables, links and survey charts. */
export function MarkdownText({ text, className }: { text: string | null | undefined; className?: string }) {
  const { t } = useI18n();
  const html = useMemo(
    () =>
      text
        ? renderMarkdown(text, {
            table: t('chart.table'),
            answers: t('chart.answers'),
            count: t('chart.count'),
            invalid: (line, message) => t('chart.invalid', { line, message }),
          })
        : '',
    [text, t],
  );
  if (!text) return null;
  // The HTML comes from renderMarkdown, which escapes raw HTML and refuses unsafe links.
  return (
    <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
