// Every internal link goes through here so the site works under a sub-path (GitHub Pages /repo/).
// Outside Astro (the build scripts) the base comes from the same variable astro.config.mjs reads.
const RAW_BASE: string = import.meta.env?.BASE_URL ?? process.env.BASE_PATH ?? '/';
const BASE = RAW_BASE.endsWith('/') ? RAW_BASE : `${RAW_BASE}/`;

export const url = {
  home: () => BASE,
  page: (path: string) => `${BASE}${path.replace(/^\//, '')}`,
  report: (slug: string) => `${BASE}reports/${slug}/`,
  reportJson: (slug: string) => `${BASE}reports/${slug}/record.json`,
  reportCsv: (slug: string) => `${BASE}reports/${slug}/tables.csv`,
  body: (id: string) => `${BASE}bodies/${id}/`,
  region: (id?: string) => (id ? `${BASE}regions/${id}/` : `${BASE}regions/`),
  compare: (slugs: string[] = []) => `${BASE}compare/${slugs.length ? `?r=${slugs.map(encodeURIComponent).join(',')}` : ''}`,
};
