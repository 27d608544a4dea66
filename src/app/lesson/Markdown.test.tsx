import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown.tsx';

// Lesson text is data: whatever an author writes, the page gets text and safe links, never markup.
describe('Markdown renders hostile text inert', () => {
  it.each([
    { name: 'a script tag', source: '<script>alert(1)</script>', absent: /<script/i },
    { name: 'an event handler', source: '<img src=x onerror="alert(1)">', absent: /<img/i },
    { name: 'a javascript: link', source: '[click](javascript:alert(1))', absent: /href="javascript/i },
    { name: 'a data: link', source: '[click](data:text/html,<b>x</b>)', absent: /href="data/i },
    { name: 'HTML in a table cell', source: '| a |\n| - |\n| <iframe src=x> |', absent: /<iframe/i },
    { name: 'HTML in a list item', source: '- <svg onload=alert(1)>', absent: /<svg/i },
  ])('$name', ({ source, absent }) => {
    const html = renderToStaticMarkup(<Markdown text={source} />);
    expect(html).not.toMatch(absent);
    expect(html).not.toMatch(/ on[a-z]+="/i);
  });

  it('keeps web links, opening them in a new tab without an opener', () => {
    expect(renderToStaticMarkup(<Markdown text="[docs](https://kubernetes.io)" />)).toBe('<p><a href="https://kubernetes.io" target="_blank" rel="noreferrer noopener">docs</a></p>');
  });

  it('gives cheat-sheet commands a copy button', () => {
    const html = renderToStaticMarkup(<Markdown text={'| Do | Command |\n| --- | --- |\n| list | `kubectl get svc` |'} copyCommands />);
    expect(html).toContain('aria-label="Copy: kubectl get svc"');
  });
});
