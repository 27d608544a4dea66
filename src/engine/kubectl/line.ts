// A POSIX-shell-like reading of one terminal line: words with single and double quotes and
// backslashes, $VAR expansion, pipelines (|), lists (&&, ||, ;) and simple redirections
// (> FILE, 2> FILE, 2>&1). Enough for what people type at kubectl and inside a debug pod.

/** Where a redirection sends a stream: a file name, or the other stream (`&1`, `&2`). */
export interface Redirect {
  fd: 1 | 2;
  target: string;
}

/** One command with its arguments (after quote removal and expansion). */
export interface SimpleCommand {
  argv: string[];
  redirects: Redirect[];
}

/** Commands joined by `|`, and how the next pipeline is joined to this one. */
export interface Pipeline {
  commands: SimpleCommand[];
  next?: '&&' | '||' | ';';
}

/** Why a line could not be read. */
export interface LineError {
  error: string;
}

type Token = { kind: 'word'; value: string } | { kind: 'op'; value: string };

/** Splits a line into words and operators, expanding `$NAME` and `${NAME}` from `env`. */
export function tokenize(line: string, env: Record<string, string> = {}): Token[] | LineError {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  const flush = () => {
    if (inWord) tokens.push({ kind: 'word', value: word });
    word = '';
    inWord = false;
  };
  const expand = (i: number): { text: string; next: number } => {
    // i points at '$'.
    const rest = line.slice(i + 1);
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
    if (braced) return { text: env[braced[1]!] ?? '', next: i + 1 + braced[0].length };
    const plain = /^([A-Za-z_][A-Za-z0-9_]*|\?)/.exec(rest);
    if (plain) return { text: plain[1] === '?' ? (env['?'] ?? '0') : (env[plain[1]!] ?? ''), next: i + 1 + plain[0].length };
    return { text: '$', next: i + 1 };
  };
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) return { error: 'unterminated quoted string' };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      let closed = false;
      while (i < line.length) {
        const d = line[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < line.length && '$`"\\'.includes(line[i + 1]!)) {
          word += line[i + 1];
          i += 2;
        } else if (d === '$') {
          const x = expand(i);
          word += x.text;
          i = x.next;
        } else {
          word += d;
          i++;
        }
      }
      if (!closed) return { error: 'unterminated quoted string' };
    } else if (c === '\\') {
      if (i + 1 < line.length) word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (c === '$') {
      const x = expand(i);
      word += x.text;
      inWord = true;
      i = x.next;
    } else if (c === ' ' || c === '\t') {
      flush();
      i++;
    } else if (c === '#' && !inWord) {
      break;
    } else if ('|&;<>'.includes(c)) {
      const two = line.slice(i, i + 2);
      // `2>` and `2>&1` belong together when the 2 starts a word.
      if (c === '>' && word === '2' && inWord) {
        word = '';
        inWord = false;
        if (line.slice(i, i + 3) === '>&1') {
          tokens.push({ kind: 'op', value: '2>&1' });
          i += 3;
        } else {
          tokens.push({ kind: 'op', value: '2>' });
          i += 1;
        }
        continue;
      }
      flush();
      if (two === '&&' || two === '||' || two === '>>') {
        tokens.push({ kind: 'op', value: two === '>>' ? '>' : two });
        i += 2;
      } else if (two === '>&' && line[i + 2] === '2') {
        tokens.push({ kind: 'op', value: '>&2' });
        i += 3;
      } else {
        tokens.push({ kind: 'op', value: c === '&' ? ';' : c });
        i++;
      }
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  flush();
  return tokens;
}

/** Reads a line into pipelines; an empty line gives none. */
export function parseLine(line: string, env: Record<string, string> = {}): Pipeline[] | LineError {
  const tokens = tokenize(line, env);
  if ('error' in tokens) return tokens;
  const pipelines: Pipeline[] = [];
  let commands: SimpleCommand[] = [];
  let current: SimpleCommand = { argv: [], redirects: [] };
  const syntax = (op: string): LineError => ({ error: `syntax error: unexpected "${op}"` });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word') {
      current.argv.push(t.value);
      continue;
    }
    if (t.value === '>' || t.value === '2>' || t.value === '<') {
      const target = tokens[i + 1];
      if (!target || target.kind !== 'word') return { error: 'syntax error: unexpected newline' };
      if (t.value !== '<') current.redirects.push({ fd: t.value === '2>' ? 2 : 1, target: target.value });
      i++;
      continue;
    }
    if (t.value === '2>&1') {
      current.redirects.push({ fd: 2, target: '&1' });
      continue;
    }
    if (t.value === '>&2') {
      current.redirects.push({ fd: 1, target: '&2' });
      continue;
    }
    if (current.argv.length === 0) return syntax(t.value);
    commands.push(current);
    current = { argv: [], redirects: [] };
    if (t.value !== '|') {
      pipelines.push({ commands, next: t.value as Pipeline['next'] });
      commands = [];
    }
  }
  if (current.argv.length > 0) commands.push(current);
  else if (commands.length > 0) return { error: 'syntax error: unexpected end of file' };
  if (commands.length > 0) pipelines.push({ commands });
  return pipelines;
}
