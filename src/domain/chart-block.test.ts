import { describe, expect, test } from 'vitest';
import { findChartBlocks, parseChartBlock } from './chart-block.ts';

describe('a chart block', () => {
  test('blank lines are skipped, spaces trimmed, and the last | separates the number', () => {
    expect(parseChartBlock('\n  title:   Svar på fråga 3  \n\n Ja | nej | 4 \n  Nej |0\n')).toEqual({
      ok: true,
      chart: {
        title: 'Svar på fråga 3',
        rows: [
          { label: 'Ja | nej', value: 4 },
          { label: 'Nej', value: 0 },
        ],
      },
    });
  });

  test('a chart without a title has an empty one', () => {
    expect(parseChartBlock('Ja | 2')).toEqual({ ok: true, chart: { title: '', rows: [{ label: 'Ja', value: 2 }] } });
  });

  test('the last title line wins', () => {
    expect(parseChartBlock('title: A\ntitle: B\nJa | 1')).toMatchObject({ ok: true, chart: { title: 'B' } });
  });

  test('a value must be a number of zero or more; the error names the line within the block', () => {
    expect(parseChartBlock('Ja | 1\n\nNej | -1')).toEqual({
      ok: false,
      line: 3,
      message: '"-1" is not a number of zero or more',
    });
    expect(parseChartBlock('Ja |')).toEqual({ ok: false, line: 1, message: '"" is not a number of zero or more' });
    expect(parseChartBlock('Ja | många')).toEqual({
      ok: false,
      line: 1,
      message: '"många" is not a number of zero or more',
    });
    expect(parseChartBlock('Ja | Infinity')).toEqual({
      ok: false,
      line: 1,
      message: '"Infinity" is not a number of zero or more',
    });
  });

  test('a row without a label, or a chart without rows, is refused', () => {
    expect(parseChartBlock('Ja | 1\n | 3')).toEqual({ ok: false, line: 2, message: 'the row has no label' });
    expect(parseChartBlock('title: Svar\n\n')).toEqual({
      ok: false,
      line: 1,
      message: 'a chart needs at least one "label | number" row',
    });
  });

  test('fences are found anywhere in the text, with spaces after the fence', () => {
    const markdown = 'Inledning\n```chart  \nA | 1\n```\nMellan\n```chart\nB | 2\nC | 3\n```  \n';
    expect(findChartBlocks(markdown)).toEqual(['A | 1\n', 'B | 2\nC | 3\n']);
  });

  test('only a line of ``` (and spaces) closes the block', () => {
    expect(findChartBlocks('```chart\nA | 1 ```\n```\n')).toEqual(['A | 1 ```\n']);
    expect(findChartBlocks('```chart\nA | 1\n```js\nB | 2\n```\n')).toEqual(['A | 1\n```js\nB | 2\n']);
  });

  test('a fence must start its line and be closed', () => {
    expect(findChartBlocks('text ```chart\nA | 1\n```\n')).toEqual([]);
    expect(findChartBlocks('```chart\nA | 1\n')).toEqual([]);
    expect(findChartBlocks('```charts\nA | 1\n```\n')).toEqual([]);
  });
});
