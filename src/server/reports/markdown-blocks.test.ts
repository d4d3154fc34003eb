import { describe, expect, test } from 'vitest';
import { cell, formatNumber, plainText, text, type Block } from './document.ts';
import { markdownBlocks } from './markdown-blocks.ts';

// Rich text as a report prints it: the Markdown people write becomes the document's own
// headings, paragraphs, lists, tables and charts, so every format draws real structures.

describe('Markdown becomes document blocks', () => {
  test('nothing written gives nothing', () => {
    expect(markdownBlocks(null)).toEqual([]);
    expect(markdownBlocks(undefined)).toEqual([]);
    expect(markdownBlocks('')).toEqual([]);
    expect(markdownBlocks(' \n\t\n')).toEqual([]);
  });

  test('paragraphs with bold, italic, both, and lines joined by a space; a hard break kept', () => {
    expect(markdownBlocks('Första **fet** och *kursiv* och ***båda***\nfortsätter\n\nAndra  \nrad')).toEqual([
      {
        type: 'paragraph',
        spans: [
          { text: 'Första ' },
          { text: 'fet', bold: true },
          { text: ' och ' },
          { text: 'kursiv', italic: true },
          { text: ' och ' },
          { text: 'båda', bold: true, italic: true },
          { text: ' fortsätter' },
        ],
      },
      { type: 'paragraph', spans: [{ text: 'Andra\nrad' }] },
    ]);
  });

  test('runs that look the same are one span; inline code is text, with the emphasis around it', () => {
    expect(markdownBlocks('a `kod` b')).toEqual([{ type: 'paragraph', spans: [{ text: 'a kod b' }] }]);
    expect(markdownBlocks('**a `kod` b**')).toEqual([{ type: 'paragraph', spans: [{ text: 'a kod b', bold: true }] }]);
    expect(markdownBlocks('**a** **b**')).toEqual([
      { type: 'paragraph', spans: [{ text: 'a', bold: true }, { text: ' ' }, { text: 'b', bold: true }] },
    ]);
  });

  test('a link keeps its address only when it is web or mail; any other is text without one', () => {
    expect(
      markdownBlocks('[Kommunen](https://kommun.se) [Mejla](mailto:a@b.se) [Ftp](ftp://x.se) [Rel](/sida) slut'),
    ).toEqual([
      {
        type: 'paragraph',
        spans: [
          { text: 'Kommunen', href: 'https://kommun.se' },
          { text: ' ' },
          { text: 'Mejla', href: 'mailto:a@b.se' },
          { text: ' Ftp Rel slut' },
        ],
      },
    ]);
    // A script address is not even read as a link.
    expect(markdownBlocks('[Farlig](javascript:alert(1))')).toEqual([
      { type: 'paragraph', spans: [{ text: '[Farlig](javascript:alert(1))' }] },
    ]);
    expect(markdownBlocks('[A](HTTP://X.SE)')[0]).toEqual({
      type: 'paragraph',
      spans: [{ text: 'A', href: 'HTTP://X.SE' }],
    });
    // The address ends with its link: the text after it has none.
    expect(markdownBlocks('[A](https://x.se)b')[0]).toEqual({
      type: 'paragraph',
      spans: [{ text: 'A', href: 'https://x.se' }, { text: 'b' }],
    });
  });

  test('an image is its description; one without a description leaves nothing, not an empty paragraph', () => {
    expect(markdownBlocks('![Diagram över utfallet](bild.png)')).toEqual([
      { type: 'paragraph', spans: [{ text: 'Diagram över utfallet' }] },
    ]);
    expect(markdownBlocks('![](bild.png)')).toEqual([]);
  });

  test('raw HTML stays text, as on the screens', () => {
    expect(markdownBlocks('<b>fet</b>')).toEqual([{ type: 'paragraph', spans: [{ text: '<b>fet</b>' }] }]);
  });

  test('headings start at the level asked for, deeper ones go deeper, never past 4, and stay out of the contents', () => {
    const source = '# Ett\n\n## Två\n\n### Tre\n\n#### Fyra';
    expect(markdownBlocks(source, 2)).toEqual([
      { type: 'heading', level: 2, text: 'Ett', outline: false },
      { type: 'heading', level: 2, text: 'Två', outline: false },
      { type: 'heading', level: 3, text: 'Tre', outline: false },
      { type: 'heading', level: 4, text: 'Fyra', outline: false },
    ]);
    expect(markdownBlocks(source).map((block) => (block as { level: number }).level)).toEqual([4, 4, 4, 4]);
    expect(markdownBlocks('## **Fet** rubrik', 3)).toEqual([
      { type: 'heading', level: 3, text: 'Fet rubrik', outline: false },
    ]);
  });

  test('lists, bulleted and numbered, with nested lists and several paragraphs in an item', () => {
    expect(markdownBlocks('- ett\n- två\n  - två a\n\n1. först\n2. sedan')).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          [{ type: 'paragraph', spans: [{ text: 'ett' }] }],
          [
            { type: 'paragraph', spans: [{ text: 'två' }] },
            { type: 'list', ordered: false, items: [[{ type: 'paragraph', spans: [{ text: 'två a' }] }]] },
          ],
        ],
      },
      {
        type: 'list',
        ordered: true,
        items: [
          [{ type: 'paragraph', spans: [{ text: 'först' }] }],
          [{ type: 'paragraph', spans: [{ text: 'sedan' }] }],
        ],
      },
    ]);
    expect(markdownBlocks('- a\n\n  b\n- c')).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          [
            { type: 'paragraph', spans: [{ text: 'a' }] },
            { type: 'paragraph', spans: [{ text: 'b' }] },
          ],
          [{ type: 'paragraph', spans: [{ text: 'c' }] }],
        ],
      },
    ]);
    // What follows a list, bulleted or numbered, is read as its own block.
    expect(markdownBlocks('- a\n\nefter').at(-1)).toEqual({ type: 'paragraph', spans: [{ text: 'efter' }] });
    expect(markdownBlocks('1. a\n\nefter')).toEqual([
      { type: 'list', ordered: true, items: [[{ type: 'paragraph', spans: [{ text: 'a' }] }]] },
      { type: 'paragraph', spans: [{ text: 'efter' }] },
    ]);
  });

  test('a table: its head as the columns (and the caption), each body row as cells, an empty cell empty', () => {
    expect(
      (
        markdownBlocks('| **Enhet** och plats | Antal |\n| --- | --- |\n| a | 1 |')[0] as {
          table: { columns: unknown };
        }
      ).table.columns,
    ).toEqual([{ title: 'Enhet och plats' }, { title: 'Antal' }]);
    expect(markdownBlocks('| Enhet | Antal |\n| --- | --- |\n| **Skola** | 3 |\n| Vård |  |\n\nEfter')).toEqual([
      {
        type: 'table',
        table: {
          caption: 'Enhet, Antal',
          columns: [{ title: 'Enhet' }, { title: 'Antal' }],
          rows: [
            [
              { blocks: [{ type: 'paragraph', spans: [{ text: 'Skola', bold: true }] }] },
              { blocks: [{ type: 'paragraph', spans: [{ text: '3' }] }] },
            ],
            [{ blocks: [{ type: 'paragraph', spans: [{ text: 'Vård' }] }] }, { blocks: [] }],
          ],
        },
      },
      { type: 'paragraph', spans: [{ text: 'Efter' }] },
    ]);
  });

  test('a chart block is a chart with its numbers; a broken one, or code, is printed line by line as notes', () => {
    expect(markdownBlocks('```chart\ntitle: Nöjdhet\nMycket nöjd | 12,5\nNöjd | 30\n```')).toEqual([
      {
        type: 'chart',
        title: 'Nöjdhet',
        rows: [
          { label: 'Mycket nöjd', value: 12.5 },
          { label: 'Nöjd', value: 30 },
        ],
      },
    ]);
    expect(markdownBlocks('```chart\ntitle: Nöjdhet\nutan siffra\n```')).toEqual([
      { type: 'paragraph', spans: [{ text: 'title: Nöjdhet' }], style: 'note' },
      { type: 'paragraph', spans: [{ text: 'utan siffra' }], style: 'note' },
    ]);
    expect(markdownBlocks('```\nrad ett\nrad två\n```')).toEqual([
      { type: 'paragraph', spans: [{ text: 'rad ett' }], style: 'note' },
      { type: 'paragraph', spans: [{ text: 'rad två' }], style: 'note' },
    ]);
    expect(markdownBlocks('    indraget\n    två')).toEqual([
      { type: 'paragraph', spans: [{ text: 'indraget' }], style: 'note' },
      { type: 'paragraph', spans: [{ text: 'två' }], style: 'note' },
    ]);
    // The mark may have spaces around it.
    expect(markdownBlocks('```  chart  \ntitle: N\nJa | 1\n```')).toEqual([
      { type: 'chart', title: 'N', rows: [{ label: 'Ja', value: 1 }] },
    ]);
    // Only a fence marked "chart" is a chart, whatever the content.
    expect(markdownBlocks('```text\ntitle: Nöjdhet\nNöjd | 30\n```').every((block) => block.type === 'paragraph')).toBe(
      true,
    );
  });

  test('a quotation is read as its content, also inside a list; a rule leaves nothing', () => {
    expect(markdownBlocks('> citat\n> - punkt\n\n---\n\nslut')).toEqual([
      { type: 'paragraph', spans: [{ text: 'citat' }] },
      { type: 'list', ordered: false, items: [[{ type: 'paragraph', spans: [{ text: 'punkt' }] }]] },
      { type: 'paragraph', spans: [{ text: 'slut' }] },
    ]);
    expect(markdownBlocks('- före\n\n  > citat\n- efter')).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          [
            { type: 'paragraph', spans: [{ text: 'före' }] },
            { type: 'paragraph', spans: [{ text: 'citat' }] },
          ],
          [{ type: 'paragraph', spans: [{ text: 'efter' }] }],
        ],
      },
    ]);
  });
});

describe('the document’s small parts', () => {
  test('a text paragraph, with a style only when given', () => {
    expect(text('Hej')).toEqual({ type: 'paragraph', spans: [{ text: 'Hej' }] });
    expect(text('Hej', 'label')).toEqual({ type: 'paragraph', spans: [{ text: 'Hej' }], style: 'label' });
  });

  test('a cell holds one paragraph per line that has text; empty, blank and missing lines are left out', () => {
    expect(cell('a', null, undefined, '', '  ', 'b')).toEqual({ blocks: [text('a'), text('b')] });
    expect(cell()).toEqual({ blocks: [] });
  });

  test('plain text of blocks, for the formats that hold text only', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 2, text: 'Rubrik' },
      { type: 'paragraph', spans: [{ text: 'a ' }, { text: 'b', bold: true }] },
      { type: 'paragraph', spans: [] },
      { type: 'list', ordered: true, items: [[text('ett')], [text('två')]] },
      { type: 'list', ordered: false, items: [[text('punkt')]] },
      {
        type: 'table',
        table: { caption: 'T', columns: [{ title: 'x' }, { title: 'y' }], rows: [[cell('1'), cell('2')]] },
      },
      { type: 'chart', title: 'Diagram', rows: [{ label: 'Andel', value: 12.5 }] },
      { type: 'status', status: { label: 'Klar', colour: '#15803d' } },
    ];
    expect(plainText(blocks)).toBe('Rubrik\na b\n1. ett\n2. två\n– punkt\n1 | 2\nDiagram\nAndel: 12,5\nKlar');
  });

  test('numbers the Swedish way', () => {
    expect(formatNumber(12.5)).toBe('12,5');
    expect(formatNumber(3)).toBe('3');
  });
});
