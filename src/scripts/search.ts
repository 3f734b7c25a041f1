// The search page, on Pagefind's JavaScript API. Its Default UI fetches 140 KB of script and
// styles and every filter index of every shard before showing a result; here the filters are
// plain form controls rendered at build time, so a query fetches only the index chunks for its
// words (and a filter's index once a reader narrows by it).

interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(bundlePath: string): Promise<void>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
}

const PAGE_SIZE = 10;
// Chinese is typed through an input method that hands over whole words (the pinyin being composed
// is skipped below), so a short pause is enough to tell typing from a finished word.
const TYPING_PAUSE_MS = 60;
// A word in some reports but not most: its index chunks are small and its results few.
const WARM_UP_TERM = '县';

export function startSearch(form: HTMLFormElement): void {
  const base = form.dataset.base!;
  const shards = JSON.parse(form.dataset.shards ?? '[]') as string[];
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const exact = form.elements.namedItem('exact') as HTMLInputElement;
  const selects = [...form.querySelectorAll('select')];
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;

  // Loading starts with the page, not with the first keystroke: the bundle's entry, metadata and
  // WebAssembly are what make a first search slow, and a reader takes longer than that to type.
  const ready: Promise<Pagefind> = (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 36 });
    await pagefind.init();
    await Promise.all(shards.map((shard) => pagefind.mergeIndex(shard)));
    return pagefind;
  })();
  // A reader's first search in a fresh worker also pays for ICU's Chinese word dictionary and for
  // V8 compiling Pagefind's ranking code; a throwaway search while they are still typing pays it
  // instead (bench/search: first results ≈ 30 % sooner). Not when a search is already under way.
  const warm = ready.then(async (pagefind) => {
    if (!input.value) await pagefind.search(WARM_UP_TERM);
  });
  // Marks the page warmed up, ready to search without waiting (read by the tests and bench/search).
  warm.then(() => (form.dataset.ready = 'true'), (error: unknown) => {
    status.textContent = `搜索索引加载失败：${error instanceof Error ? error.message : String(error)}`;
  });

  let results: PagefindResult[] = [];
  let shown = 0;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function run(): Promise<void> {
    const request = ++latest;
    const raw = input.value.trim();
    remember(raw);
    if (!raw) {
      results = [];
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    const pagefind = await ready;
    const response = await pagefind.search(term(raw), { filters: filters() });
    if (request !== latest) return;
    results = response.results;
    shown = 0;
    list.replaceChildren();
    await showMore(request);
    if (request !== latest) return;
    status.textContent = results.length
      ? `找到 ${results.length.toLocaleString('zh-CN')} 份报告${narrowed()}`
      : `未找到包含“${raw}”的报告${narrowed()}。`;
  }

  async function showMore(request: number): Promise<void> {
    const page = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    if (request !== latest) return;
    shown += page.length;
    list.append(...page.map(resultItem));
    more.hidden = shown >= results.length;
  }

  // Pagefind splits a Chinese query into words and matches pages that contain all of them
  // anywhere; quoting it asks for the words together, which is what "reports that mention
  // 政策解读" means. Two characters are one word already.
  function term(raw: string): string {
    return exact.checked && raw.length >= 3 && !/[\s"“”]/.test(raw) ? `"${raw}"` : raw;
  }

  function filters(): Record<string, string> {
    return Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.name, s.value]));
  }

  function narrowed(): string {
    const chosen = Object.entries(filters()).map(([name, value]) => `${name}：${value}`);
    return chosen.length ? `（${chosen.join('，')}）` : '';
  }

  // The address holds the search, so a result list can be bookmarked and shared.
  function remember(raw: string): void {
    const params = new URLSearchParams();
    if (raw) params.set('q', raw);
    for (const [name, value] of Object.entries(filters())) params.set(name, value);
    if (!exact.checked) params.set('exact', '0');
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) return;
    clearTimeout(timer);
    const raw = input.value.trim();
    // Fetch the index chunks for the words while the reader is still typing.
    if (raw) void ready.then((pagefind) => pagefind.preload(term(raw), { filters: filters() }));
    timer = setTimeout(run, TYPING_PAUSE_MS);
  });
  // Some browsers send the committed word's input event before compositionend, marked composing.
  input.addEventListener('compositionend', () => input.dispatchEvent(new Event('input')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  for (const control of [...selects, exact]) control.addEventListener('change', () => void run());
  more.addEventListener('click', () => void showMore(latest));

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  exact.checked = params.get('exact') !== '0';
  for (const select of selects) {
    const value = params.get(select.name);
    if (value && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  if (input.value) void run();
}

function resultItem(data: { url: string; excerpt: string; meta: { title?: string } }): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('p');
  excerpt.append(...highlighted(data.excerpt));
  item.append(link, excerpt);
  return item;
}

// The index holds the text split into words (src/lib/data/search.ts) and Pagefind rebuilds an
// excerpt from its words with a space between each; Chinese is read without them.
const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]';
const SPACE_BY_CJK = new RegExp(`(?<=${CJK}(?:</?mark>)*)\\s+|\\s+(?=(?:</?mark>)*${CJK})`, 'gu');

/** The excerpt with Pagefind's <mark>s kept and anything else reduced to text, never parsed as HTML into the page. */
function highlighted(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(excerpt.replace(SPACE_BY_CJK, ''), 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}
