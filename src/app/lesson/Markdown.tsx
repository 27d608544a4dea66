// Renders parsed Markdown as React elements (no HTML strings), so lesson text cannot run script.
import { useMemo, type ReactNode } from 'react';
import { CopyButton } from './CopyButton.tsx';
import { parseMarkdown, type Block, type Inline } from './markdown.ts';

interface RenderOptions {
  /** Inline code that reads as a command gets a copy button (cheat sheets). */
  copyCommands: boolean;
}

function renderInline(nodes: Inline[], options: RenderOptions): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return n.text;
      case 'code':
        return options.copyCommands && /\s/.test(n.text.trim()) ? (
          <span key={i} className="command">
            <code>{n.text}</code>
            <CopyButton text={n.text} label={`Copy: ${n.text}`} className="copy-inline" />
          </span>
        ) : (
          <code key={i}>{n.text}</code>
        );
      case 'strong':
        return <strong key={i}>{renderInline(n.children, options)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(n.children, options)}</em>;
      case 'link':
        return n.href.startsWith('#') ? (
          <a key={i} href={n.href}>
            {renderInline(n.children, options)}
          </a>
        ) : (
          <a key={i} href={n.href} target="_blank" rel="noreferrer noopener">
            {renderInline(n.children, options)}
          </a>
        );
    }
  });
}

function renderBlock(block: Block, key: number, options: RenderOptions, headingShift: number): ReactNode {
  switch (block.type) {
    case 'heading': {
      const Tag = `h${Math.min(6, block.level + headingShift)}` as 'h2';
      return <Tag key={key}>{renderInline(block.children, options)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{renderInline(block.children, options)}</p>;
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          {renderInline(item.children, options)}
          {item.blocks.map((b, j) => renderBlock(b, j, options, headingShift))}
        </li>
      ));
      return block.ordered ? (
        <ol key={key} start={block.start !== 1 ? block.start : undefined}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'code':
      return <CodeBlock key={key} text={block.text} lang={block.lang} />;
    case 'quote':
      return <blockquote key={key}>{block.children.map((b, j) => renderBlock(b, j, options, headingShift))}</blockquote>;
    case 'table':
      return (
        <div key={key} className="md-table-wrap">
          <table className="md-table">
            <thead>
              <tr>
                {block.header.map((cell, c) => (
                  <th key={c} scope="col" style={block.align[c] ? { textAlign: block.align[c] } : undefined}>
                    {renderInline(cell, options)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} style={block.align[c] ? { textAlign: block.align[c] } : undefined}>
                      {renderInline(cell, options)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'rule':
      return <hr key={key} />;
  }
}

/** A fenced code block with a copy button. */
export function CodeBlock({ text, lang, label }: { text: string; lang?: string; label?: string }) {
  return (
    <div className="md-code-wrap">
      <pre className="md-code" data-lang={lang || undefined} aria-label={label}>
        <code>{text}</code>
      </pre>
      <CopyButton text={text} label={label ? `Copy ${label}` : 'Copy the code'} className="copy-block" />
    </div>
  );
}

/** Parsed Markdown blocks; headings move down `headingShift` levels (the page title is the h1). */
export function MarkdownBlocks({ blocks, copyCommands = false, headingShift = 1 }: { blocks: Block[]; copyCommands?: boolean; headingShift?: number }) {
  const options = { copyCommands };
  return <>{blocks.map((b, i) => renderBlock(b, i, options, headingShift))}</>;
}

/** Markdown source, parsed and rendered; `inline` drops the paragraph around a one-line text. */
export function Markdown({ text, copyCommands = false, headingShift = 1, inline = false }: { text: string; copyCommands?: boolean; headingShift?: number; inline?: boolean }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  const only = blocks[0];
  if (inline && blocks.length === 1 && only?.type === 'paragraph') return <>{renderInline(only.children, { copyCommands })}</>;
  return <MarkdownBlocks blocks={blocks} copyCommands={copyCommands} headingShift={headingShift} />;
}
