import { describe, expect, it } from 'vitest';
import { trimTranscript } from './terminal-store.ts';

describe('trimTranscript', () => {
  const cases = [
    { name: 'short text is kept', text: 'a\r\nb\r\n', limit: 100, want: 'a\r\nb\r\n' },
    { name: 'long text keeps whole last lines', text: 'line one\r\nline two\r\nline three\r\n', limit: 15, want: 'line three\r\n' },
    { name: 'one line longer than the limit is dropped', text: 'x'.repeat(50), limit: 10, want: '' },
  ];
  for (const c of cases) it(c.name, () => expect(trimTranscript(c.text, c.limit)).toBe(c.want));
});
