// A small Markdown reader for lesson text: block and inline structure as data, rendered by React
// elements (never as HTML), so lesson or shared content cannot run script.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'quote'; children: Inline[] }
  | { type: 'rule' };

/** A lesson: its title (from frontmatter or the first heading) and body. */
export interface LessonDocument {
  title: string;
  blocks: Block[];
}

/** Splits `---` frontmatter off and reads its `title:`. */
export function parseLesson(source: string): LessonDocument {
  let body = source.replace(/\r\n?/g, '\n');
  let title: string | undefined;
  const front = /^---\n([\s\S]*?)\n---\n?/.exec(body);
  if (front) {
    body = body.slice(front[0].length);
    const t = /^title:\s*(.+)$/m.exec(front[1] ?? '');
    if (t?.[1]) title = t[1].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  const blocks = parseMarkdown(body);
  const firstHeading = blocks.find((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading');
  return { title: title ?? (firstHeading ? plainText(firstHeading.children) : 'Lesson'), blocks };
}

/** Parses Markdown blocks: ATX headings, paragraphs, lists, fenced code, quotes, rules. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = /^(```|~~~)\s*([\w-]*)\s*$/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').startsWith(fence[1] ?? '```')) body.push(lines[i++] ?? '');
      i++;
      blocks.push({ type: 'code', lang: fence[2] ?? '', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,4})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: (heading[1]?.length ?? 1) as 1 | 2 | 3 | 4, children: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    const item = listItem(line);
    if (item) {
      const items: string[] = [];
      while (i < lines.length) {
        const current = listItem(lines[i] ?? '');
        if (current && current.ordered === item.ordered) items.push(current.text);
        else if (items.length > 0 && /^\s{2,}\S/.test(lines[i] ?? '')) items[items.length - 1] += ` ${(lines[i] ?? '').trim()}`;
        else break;
        i++;
      }
      blocks.push({ type: 'list', ordered: item.ordered, items: items.map(parseInline) });
      continue;
    }
    if (line.startsWith('>')) {
      const quoted: string[] = [];
      while (i < lines.length && (lines[i] ?? '').startsWith('>')) quoted.push((lines[i++] ?? '').replace(/^>\s?/, ''));
      blocks.push({ type: 'quote', children: parseInline(quoted.join(' ')) });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '' && !startsBlock(lines[i] ?? '')) para.push((lines[i++] ?? '').trim());
    blocks.push({ type: 'paragraph', children: parseInline(para.join(' ')) });
  }
  return blocks;
}

function listItem(line: string): { ordered: boolean; text: string } | undefined {
  const bullet = /^\s{0,3}[-*+]\s+(.*)$/.exec(line);
  if (bullet) return { ordered: false, text: bullet[1] ?? '' };
  const numbered = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/.exec(line);
  if (numbered) return { ordered: true, text: numbered[1] ?? '' };
  return undefined;
}

function startsBlock(line: string): boolean {
  return /^(#{1,4}\s|```|~~~|>)/.test(line) || listItem(line) !== undefined;
}

/** Parses inline Markdown: `code`, **strong**, *em* / _em_, [links](https://...). */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  const pushText = (t: string) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += t;
    else out.push({ type: 'text', text: t });
  };
  while (rest.length > 0) {
    const m = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|(?<![\w])_([^_\s][^_]*?)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (!m) {
      pushText(rest);
      break;
    }
    pushText(rest.slice(0, m.index));
    if (m[1] !== undefined) out.push({ type: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ type: 'strong', children: parseInline(m[2]) });
    else if (m[3] !== undefined) out.push({ type: 'em', children: parseInline(m[3]) });
    else if (m[4] !== undefined) out.push({ type: 'em', children: parseInline(m[4]) });
    else if (m[5] !== undefined && m[6] !== undefined) {
      const href = safeHref(m[6]);
      if (href) out.push({ type: 'link', href, children: parseInline(m[5]) });
      else out.push(...parseInline(m[5]));
    }
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

/** Only web links and in-page routes are followed; `javascript:` and friends become plain text. */
export function safeHref(href: string): string | undefined {
  if (/^https?:\/\//i.test(href) || href.startsWith('#')) return href;
  return undefined;
}

/** The text of inline content without markup. */
export function plainText(inlines: Inline[]): string {
  return inlines.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : plainText(n.children))).join('');
}
