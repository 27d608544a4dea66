import type { Io } from './check.ts';
import { parseArgs } from './io.ts';

const HELP = `netlab: the NetLab simulation engine on the command line

  netlab check PATH... [--json]            run scenario files (folders are searched for *.scenario.yaml)
  netlab trace FILE --from REF --to TARGET  walk one request hop by hop [--protocol P] [--repeat N] [--json]
  netlab rules FILE [--mode iptables|ipvs|nftables] [--node NAME]
                                            print the rules kube-proxy programs on a node
  netlab reach FILE --port N [--protocol P] print NetworkPolicy truth tables (ingress, egress, combined)
  netlab kubectl FILE [--exec [NS/]POD] -- ARGS
                                            kubectl (or a shell in a pod) against the simulated cluster
  netlab lint [PATH...]                     check lessons: format, challenges (solution passes, start fails), quizzes, scenarios
  netlab explain FILE [--json]              print defaults and allocations (nodes, pod IPs, ClusterIPs, NodePorts, LB IPs)
  netlab bench [--json]                     run the engine benchmarks

FILE is a scenario (*.scenario.yaml) or plain Kubernetes YAML.
`;

/** Entry point: dispatches argv to a command and returns the exit status. */
export async function main(argv: string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArgs(rest, ['json']);
  switch (command) {
    // Commands load on demand: `netlab check` starts without the code of the others.
    case 'check':
      return (await import('./check.ts')).runCheckCommand(positional, flags.json === true, io);
    case 'trace':
      return (await import('./trace.ts')).runTraceCommand(positional[0], flags, io);
    case 'rules':
      return (await import('./rules.ts')).runRulesCommand(positional[0], flags, io);
    case 'reach':
      return (await import('./reach-command.ts')).runReachCommand(rest, io);
    case 'kubectl':
      // kubectl takes its own arguments after FILE and `--`: pass them through untouched.
      return (await import('./kubectl.ts')).runKubectlCommand(rest, io);
    case 'lint':
      return (await import('./lint.ts')).runLintCommand(positional, io);
    case 'explain':
      return (await import('./explain.ts')).runExplainCommand(positional[0], flags.json === true, io);
    case 'bench': {
      const { runBench } = await import('./bench.ts');
      return runBench(flags, io);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(HELP);
      return command === undefined ? 2 : 0;
    default:
      io.err(`netlab: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}
