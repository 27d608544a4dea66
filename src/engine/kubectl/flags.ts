// Command-line flags the way kubectl's pflag library reads them: long flags (--name value,
// --name=value), shorthands (-n value, -nvalue, -n=value, -it), flags anywhere among the
// arguments, `--` ending the flags, and pflag's own error messages.

export type FlagType = 'bool' | 'string' | 'int' | 'strings';

/** One flag a command accepts. */
export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
}

export type FlagValue = string | boolean | number | string[];

/** What was on the command line. */
export interface ParsedFlags {
  /** Values of the flags that were given, by long name. */
  values: Record<string, FlagValue>;
  /** Positional arguments, in order (including those after `--`). */
  args: string[];
  /** Index in `args` where `--` was seen (kubectl's ArgsLenAtDash), or -1. */
  argsLenAtDash: number;
}

/** Flags every kubectl command accepts (kubectl's persistent flags). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'warnings-as-errors', type: 'bool' },
];

function flagLabel(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function setValue(values: Record<string, FlagValue>, spec: FlagSpec, raw: string): string | undefined {
  switch (spec.type) {
    case 'bool': {
      const v = raw.toLowerCase();
      if (['1', 't', 'true'].includes(v)) values[spec.name] = true;
      else if (['0', 'f', 'false'].includes(v)) values[spec.name] = false;
      else return `invalid argument "${raw}" for "${flagLabel(spec)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`;
      return undefined;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) return `invalid argument "${raw}" for "${flagLabel(spec)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`;
      values[spec.name] = Number(raw);
      return undefined;
    }
    case 'strings': {
      const prev = values[spec.name];
      values[spec.name] = [...(Array.isArray(prev) ? prev : []), raw];
      return undefined;
    }
    default:
      values[spec.name] = raw;
      return undefined;
  }
}

/** Parses argv against the flag specs; errors are pflag's messages (without kubectl's prefix). */
export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedFlags | { error: string } {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const values: Record<string, FlagValue> = {};
  const args: string[] = [];
  let argsLenAtDash = -1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq === -1 ? undefined : eq);
      const spec = byName.get(name);
      if (!spec) return { error: `unknown flag: --${name}` };
      if (eq !== -1) {
        const err = setValue(values, spec, a.slice(eq + 1));
        if (err) return { error: err };
      } else if (spec.type === 'bool') values[spec.name] = true;
      else {
        const next = argv[i + 1];
        if (next === undefined) return { error: `flag needs an argument: --${name}` };
        const err = setValue(values, spec, next);
        if (err) return { error: err };
        i++;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // A cluster of shorthands: bools may be combined; one taking a value ends the cluster.
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const spec = byShort.get(c);
        if (!spec) return { error: `unknown shorthand flag: '${c}' in ${a}` };
        const rest = a.slice(j + 1);
        if (spec.type === 'bool') {
          if (rest.startsWith('=')) {
            const err = setValue(values, spec, rest.slice(1));
            if (err) return { error: err };
            break;
          }
          values[spec.name] = true;
          continue;
        }
        if (rest.length > 0) {
          const err = setValue(values, spec, rest.startsWith('=') ? rest.slice(1) : rest);
          if (err) return { error: err };
        } else {
          const next = argv[i + 1];
          if (next === undefined) return { error: `flag needs an argument: '${c}' in -${c}` };
          const err = setValue(values, spec, next);
          if (err) return { error: err };
          i++;
        }
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { values, args, argsLenAtDash };
}

/** A string flag's value, or the fallback. */
export function str(flags: ParsedFlags, name: string, fallback = ''): string {
  const v = flags.values[name];
  return typeof v === 'string' ? v : fallback;
}

/** A bool flag's value, or false. */
export function bool(flags: ParsedFlags, name: string): boolean {
  return flags.values[name] === true;
}

/** A repeatable flag's values. */
export function list(flags: ParsedFlags, name: string): string[] {
  const v = flags.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}
