import { describe, expect, test } from 'vitest';
import { renderMarkdown, type MarkdownLabels } from './markdown.ts';

const labels: MarkdownLabels = {
  table: 'Tabell',
  answers: 'Svar',
  count: 'Antal',
  invalid: (line, message) => `Rad ${line}: ${message}`,
};
const render = (text: string) => renderMarkdown(text, labels);

describe('Markdown as users write it', () => {
  test('headings, lists, emphasis, links and tables become HTML', () => {
    const html = render(
      '### Resultat\n\n- **20** fakturor\n- *kontrollerade*\n\n1. Ett\n2. Två\n\n[KomIn](https://komin.example)\n\n| A | B |\n| --- | --- |\n| 1 | 2 |',
    );
    expect(html).toContain('<h3>Resultat</h3>');
    expect(html).toContain('<li><strong>20</strong> fakturor</li>');
    expect(html).toContain('<em>kontrollerade</em>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<a href="https://komin.example" rel="noopener noreferrer">KomIn</a>');
    expect(html).toContain(
      '<div class="table-scroll" tabindex="0" role="region" aria-label="Tabell"><table class="table">',
    );
  });

  test('raw HTML is shown as text and unsafe links are not links', () => {
    const html = render(
      '<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[klicka](javascript:alert(1)) [data](data:text/html,hej)',
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('href="data');
  });

  test('a chart block becomes a captioned table of answers and numbers with bars to scale', () => {
    const html = render('```chart\ntitle: 3. Behov av utbildning?\nJa, mer utbildning | 12\nNej | 3\n```');
    expect(html).toContain('<caption>3. Behov av utbildning?</caption>');
    expect(html).toContain(
      '<th scope="row">Ja, mer utbildning</th><td><span class="chart-value">12</span><span class="chart-bar" aria-hidden="true" style="width:100%"></span>',
    );
    expect(html).toContain('style="width:25%"');
  });

  test('a broken chart block says which line is wrong and keeps the text', () => {
    const html = render('```chart\nJa | tolv\n```');
    expect(html).toContain('Rad 1: &quot;tolv&quot; is not a number of zero or more');
    expect(html).toContain('<pre>Ja | tolv\n</pre>');
  });

  test('labels in a chart cannot inject markup', () => {
    expect(render('```chart\n<b>x</b> | 1\n```')).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
