import { describe, expect, it } from 'vitest';
import { parseFlags, type FlagSpec } from './flags.ts';

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'replicas', type: 'int' },
  { name: 'env', type: 'strings' },
];

describe('parseFlags (pflag)', () => {
  const cases = [
    { name: 'flags anywhere among arguments', argv: ['pods', '-n', 'x', 'web'], values: { namespace: 'x' }, args: ['pods', 'web'] },
    { name: 'long with =', argv: ['--output=wide'], values: { output: 'wide' }, args: [] },
    { name: 'shorthand glued to its value', argv: ['-owide'], values: { output: 'wide' }, args: [] },
    { name: 'shorthand with =', argv: ['-o=yaml'], values: { output: 'yaml' }, args: [] },
    { name: 'combined bools', argv: ['-it'], values: { stdin: true, tty: true }, args: [] },
    { name: 'bool with =false', argv: ['--stdin=false'], values: { stdin: false }, args: [] },
    { name: 'ints', argv: ['--replicas', '3'], values: { replicas: 3 }, args: [] },
    { name: 'repeated values', argv: ['--env', 'A=1', '--env=B=2'], values: { env: ['A=1', 'B=2'] }, args: [] },
    { name: '-- ends flags', argv: ['web', '--', 'curl', '-s', 'x'], values: {}, args: ['web', 'curl', '-s', 'x'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseFlags(c.argv, SPECS);
      if ('error' in parsed) throw new Error(parsed.error);
      expect(parsed.values).toEqual(c.values);
      expect(parsed.args).toEqual(c.args);
    });
  }

  it('records where -- was (ArgsLenAtDash)', () => {
    const parsed = parseFlags(['web', '--', 'sh'], SPECS);
    expect('argsLenAtDash' in parsed && parsed.argsLenAtDash).toBe(1);
  });

  // pflag's own messages.
  const errors = [
    { name: 'unknown long flag', argv: ['--bogus'], error: 'unknown flag: --bogus' },
    { name: 'unknown shorthand', argv: ['-z'], error: "unknown shorthand flag: 'z' in -z" },
    { name: 'unknown shorthand in a cluster', argv: ['-iz'], error: "unknown shorthand flag: 'z' in -iz" },
    { name: 'missing value', argv: ['--namespace'], error: 'flag needs an argument: --namespace' },
    { name: 'missing shorthand value', argv: ['-n'], error: "flag needs an argument: 'n' in -n" },
    { name: 'bad int', argv: ['--replicas=x'], error: 'invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax' },
    { name: 'bad bool', argv: ['--stdin=maybe'], error: 'invalid argument "maybe" for "-i, --stdin" flag: strconv.ParseBool: parsing "maybe": invalid syntax' },
  ];
  for (const c of errors) {
    it(`reports ${c.name}`, () => {
      const parsed = parseFlags(c.argv, SPECS);
      expect('error' in parsed && parsed.error).toBe(c.error);
    });
  }
});
