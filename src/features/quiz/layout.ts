/**
 * From this width the article and the question sit side by side; below it they are tabs, and an
 * evidence question lists the article's sentences itself. The quiz page and its controls both
 * read it, so they agree on where the article is.
 */
export const WIDE_LAYOUT_QUERY = '(min-width: 60rem)';
