import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/domain/interop/html-text';

describe('htmlToText', () => {
  it.each([
    ['<p>One</p><p>Two<br>three</p>', 'One\nTwo\nthree'],
    ['<b>bold</b> &amp; <i>it&#39;s</i> &#x263A;', "bold & it's ☺"],
    ['Before<script>alert("<b>")</script> after<style>p{}</style>', 'Before after'],
    ['Shown<!-- hidden <b>not</b> -->, and 1 < 2', 'Shown, and 1 < 2'],
    ['Cut <!-- never closed', 'Cut'],
    ['Cut <script>never closed', 'Cut'],
    ['<img src=x onerror="alert(1)">Text', 'Text'],
    ['&lt;script&gt; stays as words', '<script> stays as words'],
    ['&#0; and &bogus; and &#1114112;', 'and &bogus; and'],
    ['<ul><li>a</li></ul><pre>b</pre><table><tr><td>c</td><td>d</td></tr></table>', 'a\n\nb\nc\nd'],
    ['One\n  line <template>no</template><title>no</title>', 'One line'],
  ])('reads %j as %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  // Linear time: a backtracking expression would take minutes on these; the test timeout bounds it.
  it.each(['<!--', '<script>', '<p', '<style>x<', '<a <b', '1 < ', '<!x'])(
    'reads 80,000 characters of unclosed %j',
    (opening) => {
      const html = `Kept ${opening.repeat(Math.ceil(80_000 / opening.length))}`;
      expect(htmlToText(html)).toMatch(/^Kept/);
    },
  );
});
