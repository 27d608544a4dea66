import { describe, expect, it } from 'vitest';
import { parseInput, pasteEvents, type InputEvent } from './input.ts';

describe('parseInput', () => {
  const cases: Array<{ name: string; data: string; want: InputEvent[] }> = [
    { name: 'typed characters', data: 'kubectl', want: [{ kind: 'insert', text: 'kubectl' }] },
    { name: 'enter', data: '\r', want: [{ kind: 'enter' }] },
    { name: 'backspace (DEL)', data: '\x7f', want: [{ kind: 'key', key: 'backspace' }] },
    { name: 'arrows', data: '\x1b[A\x1b[B\x1b[C\x1b[D', want: [{ kind: 'key', key: 'up' }, { kind: 'key', key: 'down' }, { kind: 'key', key: 'right' }, { kind: 'key', key: 'left' }] },
    { name: 'application cursor mode', data: '\x1bOH\x1bOF', want: [{ kind: 'key', key: 'home' }, { kind: 'key', key: 'end' }] },
    { name: 'home, end, delete as tilde sequences', data: '\x1b[1~\x1b[4~\x1b[3~', want: [{ kind: 'key', key: 'home' }, { kind: 'key', key: 'end' }, { kind: 'key', key: 'delete' }] },
    { name: 'ctrl+arrows move by word', data: '\x1b[1;5D\x1b[1;5C', want: [{ kind: 'key', key: 'word-left' }, { kind: 'key', key: 'word-right' }] },
    { name: 'control keys', data: '\t\x03\x0c\x04', want: [{ kind: 'tab' }, { kind: 'interrupt' }, { kind: 'clear-screen' }, { kind: 'eof' }] },
    { name: 'readline keys', data: '\x01\x05\x15\x0b\x17', want: [{ kind: 'key', key: 'home' }, { kind: 'key', key: 'end' }, { kind: 'key', key: 'kill-before' }, { kind: 'key', key: 'kill-after' }, { kind: 'key', key: 'kill-word-before' }] },
    { name: 'unknown escape sequences are dropped', data: 'a\x1b[15~b\x1b[?1;2c', want: [{ kind: 'insert', text: 'ab' }] },
    { name: 'a lone escape is dropped', data: '\x1b', want: [] },
    { name: 'unpasted multi-line text runs each line', data: 'kubectl get svc\rkubectl get pods\r', want: [{ kind: 'insert', text: 'kubectl get svc' }, { kind: 'enter' }, { kind: 'insert', text: 'kubectl get pods' }, { kind: 'enter' }] },
    { name: 'CRLF is one line end', data: 'a\r\nb', want: [{ kind: 'insert', text: 'a' }, { kind: 'enter' }, { kind: 'insert', text: 'b' }] },
    {
      name: 'bracketed paste: lines run, tab and ctrl+c are text',
      data: '\x1b[200~kubectl get\tsvc\x03\nkubectl get pods\x1b[201~x',
      want: [{ kind: 'insert', text: 'kubectl get svc' }, { kind: 'enter' }, { kind: 'insert', text: 'kubectl get podsx' }],
    },
    { name: 'an unterminated paste takes the rest', data: '\x1b[200~a\nb', want: [{ kind: 'insert', text: 'a' }, { kind: 'enter' }, { kind: 'insert', text: 'b' }] },
    { name: 'non-ASCII text', data: 'é→😀', want: [{ kind: 'insert', text: 'é→😀' }] },
  ];
  for (const c of cases) it(c.name, () => expect(parseInput(c.data)).toEqual(c.want));
});

describe('pasteEvents', () => {
  const cases: Array<{ name: string; text: string; want: InputEvent[] }> = [
    { name: 'one line', text: 'kubectl get svc', want: [{ kind: 'insert', text: 'kubectl get svc' }] },
    { name: 'trailing newline runs the line', text: 'a\n', want: [{ kind: 'insert', text: 'a' }, { kind: 'enter' }] },
    { name: 'blank lines still run (empty)', text: 'a\n\nb', want: [{ kind: 'insert', text: 'a' }, { kind: 'enter' }, { kind: 'enter' }, { kind: 'insert', text: 'b' }] },
  ];
  for (const c of cases) it(c.name, () => expect(pasteEvents(c.text)).toEqual(c.want));
});
