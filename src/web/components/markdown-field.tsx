import { useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Field, type FieldProps } from './fields.tsx';
import { MarkdownText } from './markdown-text.tsx';

type Format = 'heading' | 'bold' | 'italic' | 'bullets' | 'numbers' | 'link' | 'table' | 'chart';

const FORMATS: Format[] = ['heading', 'bold', 'italic', 'bullets', 'numbers', 'link', 'table', 'chart'];

interface Edit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

/** Puts `prefix` before every selected line (or the line the cursor is on). */
function prefixLines(text: string, start: number, end: number, prefix: (index: number) => string): Edit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndIndex = text.indexOf('\n', end);
  const lineEnd = lineEndIndex === -1 ? text.length : lineEndIndex;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const changed = lines.map((line, index) => prefix(index) + line).join('\n');
  return {
    text: text.slice(0, lineStart) + changed + text.slice(lineEnd),
    selectionStart: lineStart,
    selectionEnd: lineStart + changed.length,
  };
}

/** Surrounds the selection (or a placeholder) with `mark`. */
function wrap(text: string, start: number, end: number, mark: string, placeholder: string): Edit {
  const inner = text.slice(start, end) || placeholder;
  return {
    text: text.slice(0, start) + mark + inner + mark + text.slice(end),
    selectionStart: start + mark.length,
    selectionEnd: start + mark.length + inner.length,
  };
}

/** Inserts a block on lines of its own after the selection. */
function insertBlock(text: string, end: number, block: string): Edit {
  const before = text.slice(0, end);
  const gap = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const at = end + gap.length;
  return { text: before + gap + block + '\n' + text.slice(end), selectionStart: at, selectionEnd: at + block.length };
}

/**
 * A long text edited with formatting buttons (headings, bold, italic, lists, links, tables and
 * survey charts) and shown as it will look, stored as Markdown. The buttons write the Markdown
 * marks so that the text stays readable and editable with the keyboard alone.
 */
export function MarkdownField({
  value,
  onChange,
  rows = 8,
  ...field
}: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { t } = useI18n();
  const area = useRef<HTMLTextAreaElement>(null);
  const [preview, setPreview] = useState(false);

  function apply(format: Format) {
    const element = area.current;
    if (!element) return;
    const { selectionStart: start, selectionEnd: end } = element;
    const edits: Record<Format, () => Edit> = {
      heading: () => prefixLines(value, start, end, () => '### '),
      bold: () => wrap(value, start, end, '**', t('editor.boldPlaceholder')),
      italic: () => wrap(value, start, end, '*', t('editor.italicPlaceholder')),
      bullets: () => prefixLines(value, start, end, () => '- '),
      numbers: () => prefixLines(value, start, end, (index) => `${index + 1}. `),
      link: () => {
        const label = value.slice(start, end) || t('editor.linkPlaceholder');
        const inserted = `[${label}](https://)`;
        return {
          text: value.slice(0, start) + inserted + value.slice(end),
          selectionStart: start + label.length + 3,
          selectionEnd: start + inserted.length - 1,
        };
      },
      table: () => insertBlock(value, end, t('editor.tableTemplate')),
      chart: () => insertBlock(value, end, t('editor.chartTemplate')),
    };
    const edit = edits[format]();
    onChange(edit.text);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(edit.selectionStart, edit.selectionEnd);
    });
  }

  return (
    <Field {...field}>
      {(ids) => (
        <div className="editor">
          <div className="editor-bar">
            <div
              role="toolbar"
              aria-label={t('editor.toolbar', { field: field.label })}
              aria-controls={ids.id}
              className="editor-tools"
            >
              {FORMATS.map((format) => (
                <button
                  key={format}
                  type="button"
                  className="button button-small"
                  disabled={preview}
                  onClick={() => apply(format)}
                >
                  {t(`editor.${format}`)}
                </button>
              ))}
            </div>
            <button
              type="button"
              className="button button-small button-quiet"
              aria-pressed={preview}
              onClick={() => setPreview(!preview)}
            >
              {t('editor.preview')}
            </button>
          </div>
          <textarea
            {...ids}
            ref={area}
            className="field-input editor-text"
            rows={rows}
            value={value}
            hidden={preview}
            onChange={(event) => onChange(event.target.value)}
          />
          {preview && (
            <div className="editor-preview" aria-live="polite">
              {value.trim() ? <MarkdownText text={value} /> : <p className="muted">{t('editor.empty')}</p>}
            </div>
          )}
        </div>
      )}
    </Field>
  );
}
