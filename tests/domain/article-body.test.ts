import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articleBodyFromHtml,
  articleBodyFromPaste,
  articleBodyFromText,
  decodeEntities,
} from '../../src/domain/article-body';
import { parseArticle, type ArticleMeta } from '../../src/domain/article';

// Every text here is self-written.
const meta: ArticleMeta = {
  id: 'sample',
  title: 'Sample',
  summary: 'A sample.',
  sources: ['Nobody'],
  genre: 'news report',
  note: 'Made up.',
  language: 'en',
};

describe('articleBodyFromText', () => {
  it('makes every line a paragraph when the text has no blank line', () => {
    expect(articleBodyFromText('First line.\r\nSecond line.\n\nignored?')).toBe(
      'First line. Second line.\n\nignored?',
    );
    expect(articleBodyFromText('First line.\nSecond line.\n')).toBe('First line.\n\nSecond line.');
  });

  it('joins hard-wrapped lines when blank lines separate the paragraphs', () => {
    expect(articleBodyFromText('One paragraph\nwrapped here.\n\nAnother.\n')).toBe(
      'One paragraph wrapped here.\n\nAnother.',
    );
  });

  it('keeps headings of any level as "## " and reduces other Markdown to its text', () => {
    const markdown = [
      '# The title',
      '',
      'Some **bold**, *emphasised*, _underscored_ and `coded` words, a [link](https://example.com) and ![an image](x.png).',
      '',
      '### A section ###',
      '',
      '- first item',
      '- second item',
      '1. numbered',
      '',
      '> A quoted line',
      '',
      '---',
      '',
      'Five * three * two stays as it is, and snake_case too.',
    ].join('\n');
    expect(articleBodyFromText(markdown)).toBe(
      [
        '## The title',
        'Some bold, emphasised, underscored and coded words, a link and an image.',
        '## A section',
        'first item',
        'second item',
        'numbered',
        'A quoted line',
        'Five * three * two stays as it is, and snake_case too.',
      ].join('\n\n'),
    );
  });

  // Each took 1 to 40 seconds with patterns that could scan to the end of the line from every
  // opening mark; they must stay linear, since a teacher's upload may be 5 MB.
  it.each([
    ['**a ', '**a'],
    ['~~a ', '~~a'],
    ['[a](', '[a]('],
    ['![a](', '![a]('],
    ['<http://', '<http://'],
    ['[', '['],
  ])('reduces a 200 kB line of %s quickly', (unit, start) => {
    const line = unit.repeat(Math.ceil(200_000 / unit.length));
    const started = performance.now();
    expect(articleBodyFromText(line).startsWith(start)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('gives a body the article parser reads without problems', () => {
    const body = articleBodyFromText('## Heading\n\nA **strong** claim. A [linked](u) one.');
    expect(parseArticle(meta, body).problems).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&amp;lt;', '&lt;'],
    ['&lt;script&gt;', '<script>'],
    ['caf&eacute; &#233; &#xE9;', 'café é é'],
    ['&quot;hi&quot; &rsquo;', '"hi" ’'],
    ['&unknown; & &#0; &#xD800; &#x110000;', '&unknown; & \uFFFD \uFFFD \uFFFD'],
    ['AT&T', 'AT&T'],
  ])('decodes %s once', (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });
});

describe('articleBodyFromHtml', () => {
  it('turns headings into "## " and blocks into paragraphs', () => {
    const html =
      '<h1>Title</h1><p>First <b>bold</b> <a href="x">link</a>.</p><ul><li>One</li><li>Two</li></ul><div>Three<br>Four</div><h3>Sub</h3><table><tr><td>a</td><td>b</td></tr></table>';
    expect(articleBodyFromHtml(html)).toBe(
      ['## Title', 'First bold link.', 'One', 'Two', 'Three', 'Four', '## Sub', 'a b'].join('\n\n'),
    );
  });

  it('drops scripts, styles, comments, and Word’s list markers and conditional comments', () => {
    const html = [
      '<!DOCTYPE html><html><head><title>T</title><style>p { color: red }</style></head><body>',
      '<!--StartFragment--><p class=MsoNormal>Kept<o:p></o:p></p>',
      '<p class=MsoListParagraph><![if !supportLists]><span>1.<span>&nbsp;&nbsp; </span></span><![endif]>Listed</p>',
      '<script>alert("<p>not text</p>")</script><SCRIPT type="x">more</SCRIPT >',
      '<p>After</p></body></html>',
    ].join('');
    expect(articleBodyFromHtml(html)).toBe('Kept\n\nListed\n\nAfter');
  });

  it('survives hostile markup and never gives back a tag', () => {
    expect(articleBodyFromHtml('<p title="a > b" data-x=\'<p>\'>Quoted</p>')).toBe('Quoted');
    expect(articleBodyFromHtml('<p>Unclosed <b>bold <i>italic')).toBe('Unclosed bold italic');
    expect(articleBodyFromHtml('<p>1 < 2 and 3 > 2</p>')).toBe('1 < 2 and 3 > 2');
    expect(articleBodyFromHtml('<p>&amp;lt;script&amp;gt; is text</p>')).toBe(
      '&lt;script&gt; is text',
    );
    expect(articleBodyFromHtml('<p>Cut off <a href="x')).toBe('Cut off');
    expect(articleBodyFromHtml('<p>Bad quote <a "x>y">z</a></p>')).toBe('Bad quote y">z');
    expect(articleBodyFromHtml('Text<script>never closed <p>x</p>')).toBe('Text');
    expect(articleBodyFromHtml('<!-- never closed <p>x</p>')).toBe('');
  });

  it('keeps decoded "<" and ">" as text, since the body is never read as HTML', () => {
    expect(articleBodyFromHtml('<p>&lt;img src=x onerror=alert(1)&gt;</p>')).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('never leaves a tag of its input in its output', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              '<p>',
              '</p>',
              '<h2>',
              '</h2>',
              '<b>',
              '</b>',
              '<br/>',
              '<li>',
              '<!-- c -->',
            ),
            fc.constantFrom('<script>x</script>', '<a href="q>r">', "<div class='>'>"),
            fc.stringMatching(/^[a-z .]{0,8}$/),
          ),
        ),
        (parts) => {
          const body = articleBodyFromHtml(parts.join(''));
          expect(body).not.toMatch(/<\/?[a-z]/i);
          expect(body).not.toMatch(/\n{3}|^\s|\s$/);
        },
      ),
    );
  });
});

describe('articleBodyFromPaste', () => {
  it('prefers the rich text and falls back to the plain text', () => {
    expect(articleBodyFromPaste({ text: 'plain', html: '<h2>Rich</h2><p>text</p>' })).toBe(
      '## Rich\n\ntext',
    );
    expect(articleBodyFromPaste({ text: 'plain', html: '<meta charset="utf-8"><br>' })).toBe(
      'plain',
    );
    expect(articleBodyFromPaste({ text: '# Heading\nLine' })).toBe('## Heading\n\nLine');
  });
});
