import { describe, expect, it } from 'vitest';
import { parseInline, parseLesson, parseMarkdown, safeHref, type Block, type Inline } from './markdown.ts';

describe('parseMarkdown', () => {
  const cases: Array<{ name: string; source: string; want: Block[] }> = [
    { name: 'heading', source: '## Try it', want: [{ type: 'heading', level: 2, children: [{ type: 'text', text: 'Try it' }] }] },
    { name: 'paragraph joins lines', source: 'a\nb', want: [{ type: 'paragraph', children: [{ type: 'text', text: 'a b' }] }] },
    {
      name: 'ordered list with a continuation line',
      source: '1. one\n   more\n2. two',
      want: [{ type: 'list', ordered: true, items: [[{ type: 'text', text: 'one more' }], [{ type: 'text', text: 'two' }]] }],
    },
    { name: 'bullet list', source: '- a\n- b', want: [{ type: 'list', ordered: false, items: [[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b' }]] }] },
    { name: 'fenced code keeps its text', source: '```yaml\nkind: Pod\n  x: 1\n```', want: [{ type: 'code', lang: 'yaml', text: 'kind: Pod\n  x: 1' }] },
    { name: 'quote', source: '> note', want: [{ type: 'quote', children: [{ type: 'text', text: 'note' }] }] },
    { name: 'rule', source: '---', want: [{ type: 'rule' }] },
    { name: 'raw HTML stays text', source: '<script>alert(1)</script>', want: [{ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script>' }] }] },
  ];
  it.each(cases)('$name', ({ source, want }) => expect(parseMarkdown(source)).toEqual(want));
});

describe('parseInline', () => {
  const cases: Array<{ name: string; source: string; want: Inline[] }> = [
    { name: 'code', source: 'set `replicas: 3`', want: [{ type: 'text', text: 'set ' }, { type: 'code', text: 'replicas: 3' }] },
    { name: 'strong and em', source: '**a** *b* _c_', want: [{ type: 'strong', children: [{ type: 'text', text: 'a' }] }, { type: 'text', text: ' ' }, { type: 'em', children: [{ type: 'text', text: 'b' }] }, { type: 'text', text: ' ' }, { type: 'em', children: [{ type: 'text', text: 'c' }] }] },
    { name: 'web link', source: '[docs](https://kubernetes.io)', want: [{ type: 'link', href: 'https://kubernetes.io', children: [{ type: 'text', text: 'docs' }] }] },
    { name: 'script link becomes text', source: '[x](javascript:alert(1))', want: [{ type: 'text', text: 'x)' }] },
    { name: 'snake_case is not emphasis', source: 'ip_address_here', want: [{ type: 'text', text: 'ip_address_here' }] },
  ];
  it.each(cases)('$name', ({ source, want }) => expect(parseInline(source)).toEqual(want));
});

describe('safeHref', () => {
  it.each([
    { name: 'https', href: 'https://a.b', want: 'https://a.b' },
    { name: 'in-page route', href: '#/playground', want: '#/playground' },
    { name: 'javascript', href: 'javascript:alert(1)', want: undefined },
    { name: 'data', href: 'data:text/html,x', want: undefined },
  ])('$name', ({ href, want }) => expect(safeHref(href)).toBe(want));
});

describe('parseLesson', () => {
  it.each([
    { name: 'title from frontmatter', source: '---\ntitle: "Services"\n---\n# Other', want: 'Services' },
    { name: 'title from the first heading', source: 'intro\n\n# DNS', want: 'DNS' },
    { name: 'a default title', source: 'just text', want: 'Lesson' },
  ])('$name', ({ source, want }) => expect(parseLesson(source).title).toBe(want));
});
