import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root, RootContent } from 'mdast';

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

export function proseBlocks(text: string): ProseBlock[] {
  const tree = parser.parse(text) as Root;
  return tree.children.flatMap(toBlocks);
}

function toBlocks(node: RootContent): ProseBlock[] {
  if (node.type === 'list') return [{ kind: 'list', ordered: Boolean(node.ordered), start: node.start ?? 1, items: node.children.map(plain) }];
  const text = plain(node).trim();
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
