import { useEffect } from 'react';

/** Sets the tab's title to "<title> · Readproof" while the page is shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Readproof` : 'Readproof';
  }, [title]);
}
