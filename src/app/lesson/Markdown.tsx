// Renders parsed Markdown as React elements (no HTML strings).
import type { ReactNode } from 'react';
import type { Block, Inline } from './markdown.ts';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return n.text;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(n.children)}</em>;
      case 'link':
        return n.href.startsWith('#') ? (
          <a key={i} href={n.href}>{renderInline(n.children)}</a>
        ) : (
          <a key={i} href={n.href} target="_blank" rel="noreferrer noopener">{renderInline(n.children)}</a>
        );
    }
  });
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.type) {
    case 'heading': {
      const Tag = `h${Math.min(4, block.level + 1)}` as 'h2' | 'h3' | 'h4';
      return <Tag key={key}>{renderInline(block.children)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{renderInline(block.children)}</p>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderInline(item)}</li>);
      return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'code':
      return (
        <pre key={key} className="md-code">
          <code>{block.text}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={key}>{renderInline(block.children)}</blockquote>;
    case 'rule':
      return <hr key={key} />;
  }
}

/** Lesson Markdown; headings start at h2 because the page title is the h1. */
export function Markdown({ blocks }: { blocks: Block[] }) {
  return <>{blocks.map(renderBlock)}</>;
}
