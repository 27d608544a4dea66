// The text filters people pipe kubectl and curl output through: grep, head, tail, wc, sort,
// uniq, cut and awk's `{print $N}`. Each takes stdin text and returns stdout, stderr and status.

export interface FilterResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Names of the filters this module runs. */
export const FILTERS = ['grep', 'egrep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'awk', 'cat', 'tee'];

function lines(text: string): string[] {
  if (text === '') return [];
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** Bytes of the UTF-8 encoding (wc -c counts bytes). */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

const joined = (ls: string[]) => (ls.length ? `${ls.join('\n')}\n` : '');

function countArg(argv: string[], fallback: number): { n: number; rest: string[] } | { error: string } {
  let n = fallback;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-n' || a === '-c') {
      const v = argv[++i];
      if (v === undefined || !/^[+-]?\d+$/.test(v)) return { error: `invalid number of lines: '${v ?? ''}'` };
      n = Number(v);
    } else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a === '-f' || a === '-F' || a === '-q') continue;
    else rest.push(a);
  }
  return { n, rest };
}

/** Translates a POSIX basic regular expression into a JavaScript one. */
function basicToExtended(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length && '()|+?{}'.includes(pattern[i + 1]!)) {
      out += pattern[i + 1];
      i++;
    } else if ('()|+?{}'.includes(c)) out += `\\${c}`;
    else if (c === '\\' && i + 1 < pattern.length) {
      out += c + pattern[i + 1];
      i++;
    } else out += c;
  }
  return out;
}

function grep(argv: string[], input: string, name: string): FilterResult {
  let invert = false;
  let ignoreCase = false;
  let count = false;
  let numbers = false;
  let word = false;
  let quiet = false;
  let only = false;
  let extended = name === 'egrep';
  let after = 0;
  let before = 0;
  const patterns: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-e') patterns.push(argv[++i] ?? '');
    else if (a === '-A' || a === '-B' || a === '-C') {
      const v = Number(argv[++i] ?? '0');
      if (a !== '-B') after = v;
      if (a !== '-A') before = v;
    } else if (/^-[ABC]\d+$/.test(a)) {
      const v = Number(a.slice(2));
      if (a[1] !== 'B') after = v;
      if (a[1] !== 'A') before = v;
    } else if (a.startsWith('-') && a.length > 1 && patterns.length + files.length === 0 && !a.startsWith('--')) {
      for (const f of a.slice(1)) {
        if (f === 'v') invert = true;
        else if (f === 'i') ignoreCase = true;
        else if (f === 'c') count = true;
        else if (f === 'n') numbers = true;
        else if (f === 'w') word = true;
        else if (f === 'q') quiet = true;
        else if (f === 'o') only = true;
        else if (f === 'E') extended = true;
        else if (f === 'F' || f === 'r' || f === 'h' || f === 'H') continue;
        else return { stdout: '', stderr: `grep: invalid option -- '${f}'\n`, exitCode: 2 };
      }
    } else if (patterns.length === 0) patterns.push(a);
    else files.push(a);
  }
  if (patterns.length === 0) return { stdout: '', stderr: 'Usage: grep [OPTION]... PATTERNS [FILE]...\n', exitCode: 2 };
  let regexes: RegExp[];
  try {
    regexes = patterns.map((p) => {
      // Basic regular expressions treat ( ) | + ? { } as literals, and their escaped forms as operators.
      const source = extended ? p : basicToExtended(p);
      return new RegExp(word ? `\\b(?:${source})\\b` : source, ignoreCase ? 'gi' : 'g');
    });
  } catch {
    return { stdout: '', stderr: `grep: Unmatched ( or \\(\n`, exitCode: 2 };
  }
  const all = lines(input);
  const matches = all.map((l) => regexes.some((r) => new RegExp(r.source, r.flags).test(l)) !== invert);
  const hits = matches.filter(Boolean).length;
  if (quiet) return { stdout: '', stderr: '', exitCode: hits ? 0 : 1 };
  if (count) return { stdout: `${hits}\n`, stderr: '', exitCode: hits ? 0 : 1 };
  const keep = new Set<number>();
  matches.forEach((m, i) => {
    if (!m) return;
    for (let j = Math.max(0, i - before); j <= Math.min(all.length - 1, i + after); j++) keep.add(j);
  });
  const out: string[] = [];
  let last = -1;
  for (const i of [...keep].sort((a, b) => a - b)) {
    if ((before || after) && last !== -1 && i > last + 1) out.push('--');
    const line = all[i]!;
    if (only && matches[i]) {
      for (const r of regexes) for (const m of line.matchAll(new RegExp(r.source, r.flags))) out.push(numbers ? `${i + 1}:${m[0]}` : m[0]);
    } else out.push(numbers ? `${i + 1}${matches[i] ? ':' : '-'}${line}` : line);
    last = i;
  }
  return { stdout: joined(out), stderr: '', exitCode: hits ? 0 : 1 };
}

function awk(argv: string[], input: string): FilterResult {
  let sep: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-F') sep = argv[++i];
    else if (a.startsWith('-F')) sep = a.slice(2);
    else rest.push(a);
  }
  const program = rest[0] ?? '';
  const m = /^\s*(?:(NR\s*>\s*1|NR\s*==\s*1)\s*)?\{\s*print\s*((?:\$\d+|NF|\$NF)(?:\s*,?\s*(?:\$\d+|\$NF|"[^"]*"))*)?\s*\}\s*$/.exec(program);
  if (!m) return { stdout: '', stderr: `awk: NetLab's awk only runs '{print $N}' programs\n`, exitCode: 2 };
  const fields = (m[2] ?? '$0').match(/\$\d+|\$NF|"[^"]*"/g) ?? ['$0'];
  const out: string[] = [];
  lines(input).forEach((line, idx) => {
    if (m[1]?.startsWith('NR') && m[1].includes('>') && idx === 0) return;
    if (m[1]?.includes('==') && idx !== 0) return;
    const cols = sep === undefined ? line.trim().split(/\s+/) : line.split(sep);
    out.push(
      fields
        .map((f) => (f.startsWith('"') ? f.slice(1, -1) : f === '$NF' ? (cols[cols.length - 1] ?? '') : f === '$0' ? line : (cols[Number(f.slice(1)) - 1] ?? '')))
        .join(' '),
    );
  });
  return { stdout: joined(out), stderr: '', exitCode: 0 };
}

function cut(argv: string[], input: string): FilterResult {
  let delim = '\t';
  let fieldSpec = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-d') delim = argv[++i] ?? '\t';
    else if (a.startsWith('-d')) delim = a.slice(2);
    else if (a === '-f') fieldSpec = argv[++i] ?? '';
    else if (a.startsWith('-f')) fieldSpec = a.slice(2);
  }
  if (!fieldSpec) return { stdout: '', stderr: 'cut: you must specify a list of bytes, characters, or fields\n', exitCode: 1 };
  const wanted = new Set<number>();
  for (const part of fieldSpec.split(',')) {
    const [a, b] = part.split('-');
    const from = Number(a || 1);
    const to = part.includes('-') ? Number(b || 999) : from;
    for (let f = from; f <= to; f++) wanted.add(f);
  }
  const out = lines(input).map((l) => {
    const cols = l.split(delim);
    return cols.length === 1 ? l : cols.filter((_, i) => wanted.has(i + 1)).join(delim);
  });
  return { stdout: joined(out), stderr: '', exitCode: 0 };
}

/** Runs one filter of a pipeline over its input. */
export function runFilter(name: string, argv: string[], input: string): FilterResult {
  const ok = (stdout: string): FilterResult => ({ stdout, stderr: '', exitCode: 0 });
  switch (name) {
    case 'grep':
    case 'egrep':
      return grep(argv, input, name);
    case 'head':
    case 'tail': {
      const c = countArg(argv, 10);
      if ('error' in c) return { stdout: '', stderr: `${name}: ${c.error}\n`, exitCode: 1 };
      const all = lines(input);
      const n = Math.abs(c.n);
      if (name === 'head') return ok(joined(all.slice(0, n)));
      return ok(joined(argv.some((a) => a.startsWith('+')) || String(c.n).startsWith('+') ? all.slice(n - 1) : all.slice(Math.max(0, all.length - n))));
    }
    case 'wc': {
      const all = lines(input);
      const words = input.split(/\s+/).filter(Boolean).length;
      if (argv.includes('-l')) return ok(`${all.length}\n`);
      if (argv.includes('-w')) return ok(`${words}\n`);
      if (argv.includes('-c')) return ok(`${utf8Length(input)}\n`);
      return ok(`${String(all.length).padStart(7)} ${String(words).padStart(7)} ${String(input.length).padStart(7)}\n`);
    }
    case 'sort': {
      const all = lines(input);
      const numeric = argv.some((a) => /^-[a-z]*n/.test(a));
      all.sort(numeric ? (a, b) => parseFloat(a) - parseFloat(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (argv.some((a) => /^-[a-z]*r/.test(a))) all.reverse();
      return ok(joined(argv.some((a) => /^-[a-z]*u/.test(a)) ? all.filter((l, i) => all.indexOf(l) === i) : all));
    }
    case 'uniq': {
      const out: string[] = [];
      const counts: number[] = [];
      for (const l of lines(input)) {
        if (out[out.length - 1] === l) counts[counts.length - 1]!++;
        else {
          out.push(l);
          counts.push(1);
        }
      }
      return ok(joined(argv.includes('-c') ? out.map((l, i) => `${String(counts[i]).padStart(7)} ${l}`) : out));
    }
    case 'cut':
      return cut(argv, input);
    case 'awk':
      return awk(argv, input);
    default:
      return ok(input);
  }
}
