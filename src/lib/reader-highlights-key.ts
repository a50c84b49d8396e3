/**
 * Where the highlights a student made in the reader are kept on this device, one entry per
 * article. A module of its own: the reader's entry imports only this, to know whether to load the
 * highlight tools at all.
 */
export function readerHighlightsKey(articleId: string): string {
  return `readproof:reader-highlights:${articleId}`;
}
