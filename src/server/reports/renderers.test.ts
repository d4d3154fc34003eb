import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import type { ReportDocument } from './document.ts';
import { text } from './document.ts';
import { markdownBlocks } from './markdown-blocks.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderPdf } from './render-pdf.ts';
import { docxText, pdfText } from '../../../test/support/seed-fidelity.ts';

const HOSTILE = 'Risk #panic("x") ]) \\ "citat" <script>alert(1)</script> *inte fet* `kod` $x$ @ref';

function documentWith(blocks: ReportDocument['blocks']): ReportDocument {
  return {
    kind: 'plan',
    title: 'Titel med "citat" och #tecken',
    subtitle: ['Nämnden'],
    language: 'sv',
    outline: true,
    orientation: 'portrait',
    blocks,
    labels: { contents: 'Innehållsförteckning', page: 'Sida' },
    generatedAt: '2026-03-01T10:00:00.000Z',
  };
}

describe('rich text to blocks', () => {
  test('headings start at the given level and stay out of the outline; lists nest; charts and tables are structures', () => {
    const blocks = markdownBlocks(
      '## Kartläggning\n\nText med **fet** och *kursiv* och [länk](https://malmo.se).\n\n### Detalj\n\n1. Ett\n   - under\n2. Två\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n```chart\ntitle: Svar\nJa | 12\nNej | 3\n```',
      3,
    );
    expect(blocks[0]).toEqual({ type: 'heading', level: 3, text: 'Kartläggning', outline: false });
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      spans: [
        { text: 'Text med ' },
        { text: 'fet', bold: true },
        { text: ' och ' },
        { text: 'kursiv', italic: true },
        { text: ' och ' },
        { text: 'länk', href: 'https://malmo.se' },
        { text: '.' },
      ],
    });
    expect(blocks[2]).toMatchObject({ type: 'heading', level: 4, text: 'Detalj' });
    expect(blocks[3]).toMatchObject({
      type: 'list',
      ordered: true,
      items: [[{ type: 'paragraph' }, { type: 'list', ordered: false }], [{ type: 'paragraph' }]],
    });
    expect(blocks[4]).toMatchObject({
      type: 'table',
      table: {
        columns: [{ title: 'A' }, { title: 'B' }],
        rows: [[{ blocks: [{ spans: [{ text: '1' }] }] }, { blocks: [{ spans: [{ text: '2' }] }] }]],
      },
    });
    expect(blocks[5]).toEqual({
      type: 'chart',
      title: 'Svar',
      rows: [
        { label: 'Ja', value: 12 },
        { label: 'Nej', value: 3 },
      ],
    });
  });

  test('unsafe links lose their address, raw HTML stays text, and an invalid chart shows its source', () => {
    const [link, html] = markdownBlocks('[klick](javascript:alert(1))\n\n<b>fet</b>');
    expect(link).toEqual({ type: 'paragraph', spans: [{ text: '[klick](javascript:alert(1))' }] });
    expect(html).toEqual({ type: 'paragraph', spans: [{ text: '<b>fet</b>' }] });
    expect(markdownBlocks('```chart\nbara text\n```')).toEqual([
      { type: 'paragraph', spans: [{ text: 'bara text' }], style: 'note' },
    ]);
  });
});

describe('what users write is printed, never interpreted', () => {
  const document = documentWith([
    { type: 'heading', level: 1, text: HOSTILE },
    text(HOSTILE),
    {
      type: 'table',
      table: {
        caption: 'T',
        columns: [{ title: HOSTILE }],
        rows: [[{ blocks: [text(HOSTILE)], fill: 'red;background:url(x)' }]],
      },
    },
  ]);

  test('PDF: Typst prints the text as it is', () => {
    const extracted = pdfText(renderPdf(document)).replace(/\s+/g, ' ');
    expect(extracted).toContain('Risk #panic("x") ]) \\ "citat" <script>alert(1)</script> *inte fet* `kod` $x$ @ref');
  });

  test('HTML: escaped, and a colour that is not a hex colour never reaches a style', () => {
    const html = renderHtml(document);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('url(x)');
  });

  test('DOCX and Markdown keep the text', async () => {
    expect(docxText(await renderDocx(document))).toContain(HOSTILE);
    // Read back by a CommonMark renderer, the Markdown shows the text: no HTML, emphasis or code of its own.
    const html = new MarkdownIt().render(renderMarkdown(document));
    expect(html).not.toMatch(/<script|<em>inte|<code>/);
    expect(
      html.match(
        /Risk #panic\(&quot;x&quot;\) \]\) \\ &quot;citat&quot; &lt;script&gt;alert\(1\)&lt;\/script&gt; \*inte fet\* `kod` \$x\$ @ref/g,
      )?.length,
    ).toBe(4);
  });
});
