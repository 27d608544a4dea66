import { runReach } from './reach.ts';
import type { Io } from './check.ts';
import { readText } from './io.ts';
import { loadSimulation } from './load-cluster.ts';

/** `netlab reach FILE --port N`: NetworkPolicy truth tables, printed by the netpol module's CLI. */
export function runReachCommand(args: string[], io: Io): Promise<number> {
  return runReach(
    args,
    {
      readFile: async (path: string) => readText(path) ?? '',
      out: (s: string) => io.out(s),
      err: (s: string) => io.err(s),
    },
    async (file: string) => {
      const loaded = loadSimulation(file);
      return 'error' in loaded ? { error: loaded.error } : { cluster: loaded.sim.cluster };
    },
  );
}
