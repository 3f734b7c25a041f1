/**
 * Characters that take no room on the page but break the matching of words: form feeds (a PDF
 * extractor's page break, at the start of a page's first line), zero-width spaces and joiners,
 * soft hyphens and stray byte-order marks (web pages pasted into Word). 「主\u200b动公开」 is
 * 主动公开 to a reader, so it is read as such. Line breaks are kept, so line numbers still hold.
 */
const INVISIBLE = /[\f\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function dropInvisible(text: string): string {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}
