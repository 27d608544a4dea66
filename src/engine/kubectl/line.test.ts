import { describe, expect, it } from 'vitest';
import { parseLine } from './line.ts';

describe('parseLine', () => {
  const env = { WEB_SERVICE_HOST: '10.96.0.11', HOME: '/root' };
  const cases = [
    { name: 'plain words', line: 'kubectl get pods', want: [[['kubectl', 'get', 'pods']]] },
    { name: 'single quotes keep % and spaces', line: `curl -w '%{http_code} x' web`, want: [[['curl', '-w', '%{http_code} x', 'web']]] },
    { name: 'double quotes expand variables', line: 'curl "http://$WEB_SERVICE_HOST/a b"', want: [[['curl', 'http://10.96.0.11/a b']]] },
    { name: 'braced variables', line: 'echo ${HOME}/x', want: [[['echo', '/root/x']]] },
    { name: 'unknown variables are empty', line: 'echo a$NOPE.b', want: [[['echo', 'a.b']]] },
    { name: 'backslash escapes', line: 'echo a\\ b', want: [[['echo', 'a b']]] },
    { name: 'pipes', line: 'kubectl get pods | grep web', want: [[['kubectl', 'get', 'pods'], ['grep', 'web']]] },
    { name: 'lists', line: 'a && b || c ; d', want: [[['a']], [['b']], [['c']], [['d']]] },
    { name: 'comments', line: 'a # b', want: [[['a']]] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseLine(c.line, env);
      if ('error' in parsed) throw new Error(parsed.error);
      expect(parsed.map((p) => p.commands.map((cmd) => cmd.argv))).toEqual(c.want);
    });
  }

  it('reads redirections', () => {
    const parsed = parseLine('curl -s web > /dev/null 2>&1');
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed[0]!.commands[0]!.redirects).toEqual([{ fd: 1, target: '/dev/null' }, { fd: 2, target: '&1' }]);
  });

  const errors = [
    { name: 'unterminated single quote', line: "echo 'a", error: 'unterminated quoted string' },
    { name: 'unterminated double quote', line: 'echo "a', error: 'unterminated quoted string' },
    { name: 'pipe without a command', line: '| grep a', error: 'syntax error: unexpected "|"' },
    { name: 'trailing pipe', line: 'a |', error: 'syntax error: unexpected end of file' },
  ];
  for (const c of errors) {
    it(`rejects ${c.name}`, () => {
      const parsed = parseLine(c.line);
      expect('error' in parsed && parsed.error).toBe(c.error);
    });
  }
});
