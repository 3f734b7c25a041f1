/** href/src/action values of an HTML page (enough for our own markup; not a general HTML parser). */
export function extractLinks(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src|action)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) out.push(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
}

/** Internal = same origin; external (https://…), mailto:, data: and pure fragments are skipped. */
export function isInternal(link: string): boolean {
  return link !== '' && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(link);
}
