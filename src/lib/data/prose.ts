import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root } from 'mdast';

/** A section's prose as structure: sub-headings like （一）… and paragraphs, ready to render. */
export type ProseBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; lead?: string }
  | { kind: 'list'; ordered: boolean; start: number; items: string[] };

// A report's prose is plain text, not Markdown: only its block structure is read (paragraphs
// split by blank lines, numbered and bulleted lists). The inline constructs would rewrite the
// words (`*` and `_` taken for emphasis, `[…]` for links, `&amp;` decoded) and are most of
// micromark's work, so they are switched off, as are code, HTML and setext/ATX headings
// (a line of `===` or a leading `#` in a report is text).
const TEXT_ONLY = {
  disable: {
    null: [
      'attention', 'autolink', 'blockQuote', 'characterEscape', 'characterReference', 'codeFenced',
      'codeIndented', 'codeText', 'definition', 'hardBreakEscape', 'headingAtx', 'htmlFlow',
      'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink', 'setextUnderline', 'thematicBreak',
    ],
  },
};

const parser = unified()
  .use(remarkParse)
  .use(function textOnly() {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(TEXT_ONLY);
  });

/** The template's sub-heading numbering: （一）, (二), 一是 is prose. */
const SUBHEAD = /^[（(][一二三四五六七八九十]+[）)]/;

// Most sections are one-line paragraphs between blank lines (the parser rejoins hard wraps), and
// for those micromark's blocks are the lines themselves, trimmed. Skipping it there saves about
// 0.5 ms per report page, 8 % of a 10,000-report build. Anything else goes to micromark: a line
// that may open a list item, a single line break, a CR or a NUL (which micromark replaces).
const NEEDS_PARSER = /(?:^|\n)[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t\n]|$)|[^\n]\n(?![ \t]*\n)|[\r\0]/;
const BLANK_LINES = /\n(?:[ \t]*\n)+/;

export function proseBlocks(text: string): ProseBlock[] {
  return NEEDS_PARSER.test(text) ? parsedProseBlocks(text) : text.split(BLANK_LINES).flatMap(paragraphBlocks);
}

/** The blocks as micromark reads them: what the shortcut in proseBlocks must agree with. */
export function parsedProseBlocks(text: string): ProseBlock[] {
  return (parser.parse(text) as Root).children.flatMap((node): ProseBlock[] =>
    node.type === 'list'
      ? [{ kind: 'list', ordered: Boolean(node.ordered), start: node.start ?? 1, items: node.children.map(plain) }]
      : paragraphBlocks(plain(node)),
  );
}

function paragraphBlocks(raw: string): ProseBlock[] {
  const text = raw.trim();
  return text ? [paragraph(text)] : [];
}

function paragraph(text: string): ProseBlock {
  if (!SUBHEAD.test(text)) return { kind: 'paragraph', text };
  // A short numbered line on its own is a sub-heading; a long one opens with a heading phrase
  // ("（一）主动公开情况。本年度…") that we set off without changing the words.
  if (text.length <= 40 && !/[。；]/.test(text.slice(0, -1))) return { kind: 'heading', text: text.replace(/[。：:]$/, '') };
  const m = /^(.{3,40}?[。：:])/.exec(text);
  return m ? { kind: 'paragraph', lead: m[1]!, text: text.slice(m[1]!.length) } : { kind: 'paragraph', text };
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as Nodes[]).map(plain).join(node.type === 'listItem' ? '\n' : '');
  return '';
}
