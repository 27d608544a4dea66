// The app's side of the engine worker: numbers every command, drops stale simulations, restarts a
// crashed or hung worker (replaying what it had), and falls back to the main thread without Workers.
import type { EngineHost } from '../../worker/host.ts';
import {
  isCleanSimulation,
  type EngineCommand,
  type EngineReply,
  type RunScenarioCommand,
  type SimulateCommand,
  type SimulateReply,
  type TraceCommand,
  type TraceReply,
  type RunScenarioReply,
  type GradeChallengeCommand,
  type GradeChallengeReply,
  type ResolvePredictionsCommand,
  type ResolvePredictionsReply,
  type KubectlCommand,
  type KubectlReply,
  type KubectlCompleteCommand,
  type KubectlCompleteReply,
} from '../../worker/protocol.ts';

/** The part of `Worker` the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: EngineCommand): void;
  terminate(): void;
  onmessage: ((event: { data: EngineReply }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessageerror: ((event: unknown) => void) | null;
}

/** Something the learner should be told about the engine (shown as a non-blocking banner). */
export type EngineNotice =
  | { kind: 'restarted'; reason: 'crashed' | 'timeout'; message: string }
  | { kind: 'main-thread'; message: string }
  | { kind: 'failed'; message: string };

export interface EngineClientOptions {
  /** Creates the worker; undefined or a throw means Workers are unavailable. */
  createWorker?: () => WorkerLike;
  /** Loads the engine for the main-thread fallback. */
  loadHost: () => Promise<EngineHost>;
  /** No reply for this long while work is pending means the worker hung. */
  timeoutMs?: number;
  onNotice?: (notice: EngineNotice) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export type SimulateInput = Omit<SimulateCommand, 'command' | 'seq'>;

export interface EngineClient {
  /** Simulates; resolves undefined when a newer simulation was asked for meanwhile (stale). */
  simulate(input: SimulateInput): Promise<SimulateReply | undefined>;
  /** Traces a request in the simulation `simulationSeq` (the one on the diagram). */
  trace(simulationSeq: number, request: TraceCommand['request'], repeat: number): Promise<TraceReply['result']>;
  runScenario(input: Omit<RunScenarioCommand, 'command' | 'seq'>): Promise<RunScenarioReply['result']>;
  /** Grades a lesson challenge against the learner's YAML. */
  gradeChallenge(input: Omit<GradeChallengeCommand, 'command' | 'seq'>): Promise<GradeChallengeReply['result']>;
  /** Fills a lesson's predict items with the engine's answers. */
  resolvePredictions(input: Omit<ResolvePredictionsCommand, 'command' | 'seq'>): Promise<Omit<ResolvePredictionsReply, 'command' | 'seq'>>;
  /** Runs one terminal command line in a kubectl session. */
  runKubectl(input: Omit<KubectlCommand, 'command' | 'seq'>): Promise<KubectlReply['result']>;
  /** Tab-completion candidates for the word at the cursor of a terminal command line. */
  completeKubectl(input: Omit<KubectlCompleteCommand, 'command' | 'seq'>): Promise<Omit<KubectlCompleteReply, 'command' | 'seq'>>;
  /** Where the engine runs now. */
  mode(): 'worker' | 'main-thread';
  dispose(): void;
}

interface Pending {
  command: EngineCommand;
  resolve: (reply: EngineReply) => void;
  reject: (error: Error) => void;
  /** How many workers died while this command was the oldest one pending. */
  strikes: number;
}

/** A worker that died twice on the same command is not given it a third time. */
const MAX_STRIKES = 2;
/** A worker that dies this many times without answering anything cannot start at all. */
const MAX_FRUITLESS_RESTARTS = 3;

/** Creates the engine client; it starts the worker at once. */
export function createEngineClient(options: EngineClientOptions): EngineClient {
  const timeoutMs = options.timeoutMs ?? 5000;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const notify = options.onNotice ?? (() => {});

  let nextSeq = 1;
  let latestSimulateSeq = 0;
  const pending = new Map<number, Pending>();
  // What a fresh worker must be told again so traces still find their simulation.
  let latestSimulate: SimulateCommand | undefined;
  let latestCleanSimulate: SimulateCommand | undefined;
  const givenUp = new Set<number>();

  let worker: WorkerLike | undefined;
  let hostPromise: Promise<EngineHost> | undefined;
  let watchdog: unknown;
  let fruitlessRestarts = 0;
  let disposed = false;

  const armWatchdog = () => {
    if (watchdog !== undefined) clearTimer(watchdog);
    watchdog = undefined;
    if (worker && pending.size > 0) watchdog = setTimer(() => restart('timeout'), timeoutMs);
  };

  const onReply = (reply: EngineReply) => {
    fruitlessRestarts = 0;
    const entry = pending.get(reply.seq);
    pending.delete(reply.seq);
    armWatchdog();
    if (reply.command === 'simulate' && isCleanSimulation(reply.diagnostics)) {
      if (latestSimulate?.seq === reply.seq) latestCleanSimulate = latestSimulate;
    }
    if (!entry) return;
    if (reply.command === 'error') entry.reject(new Error(reply.message));
    else entry.resolve(reply);
  };

  const startWorker = (): boolean => {
    if (!options.createWorker) return false;
    try {
      const w = options.createWorker();
      w.onmessage = (event) => onReply(event.data);
      w.onerror = () => restart('crashed');
      w.onmessageerror = () => restart('crashed');
      worker = w;
      return true;
    } catch {
      return false;
    }
  };

  const send = (command: EngineCommand) => {
    if (worker) {
      worker.postMessage(command);
      armWatchdog();
      return;
    }
    hostPromise ??= options.loadHost();
    void hostPromise.then(
      (host) => setTimer(() => onReply(host.handle(command)), 0),
      (error: unknown) => pending.get(command.seq)?.reject(error instanceof Error ? error : new Error(String(error))),
    );
  };

  const fallBackToMainThread = () => {
    worker = undefined;
    notify({ kind: 'main-thread', message: 'Web Workers are unavailable here: the simulation runs on the page itself and may slow typing on large inputs.' });
  };

  function restart(reason: 'crashed' | 'timeout') {
    if (disposed || !worker) return;
    const dead = worker;
    worker = undefined;
    dead.onmessage = dead.onerror = dead.onmessageerror = null;
    dead.terminate();
    fruitlessRestarts += 1;

    // The worker answers in order, so the oldest pending command is the one it died on.
    const ordered = [...pending.values()].sort((a, b) => a.command.seq - b.command.seq);
    const culprit = ordered[0];
    if (culprit) {
      culprit.strikes += 1;
      if (culprit.strikes >= MAX_STRIKES) {
        pending.delete(culprit.command.seq);
        givenUp.add(culprit.command.seq);
        culprit.reject(new Error('the simulation engine failed on this input'));
        notify({ kind: 'failed', message: 'The simulation engine failed on this input twice; the diagram keeps the last result. Your YAML is kept.' });
      }
    }

    if (fruitlessRestarts >= MAX_FRUITLESS_RESTARTS || !startWorker()) fallBackToMainThread();
    else notify({ kind: 'restarted', reason, message: reason === 'timeout' ? 'The simulation engine stopped answering and was restarted. Nothing you typed was lost.' : 'The simulation engine crashed and was restarted. Nothing you typed was lost.' });

    // A fresh engine knows nothing: tell it again the simulations traces refer to, then the pending work.
    for (const base of new Set([latestCleanSimulate, latestSimulate])) {
      if (base && !pending.has(base.seq) && !givenUp.has(base.seq)) pending.set(base.seq, { command: base, resolve: () => {}, reject: () => {}, strikes: 0 });
    }
    for (const entry of [...pending.values()].sort((a, b) => a.command.seq - b.command.seq)) send(entry.command);
  }

  const request = <R extends EngineReply>(command: EngineCommand): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      pending.set(command.seq, { command, resolve: resolve as (r: EngineReply) => void, reject, strikes: 0 });
      send(command);
    });

  if (!startWorker()) fallBackToMainThread();

  return {
    async simulate(input) {
      const command: SimulateCommand = { command: 'simulate', seq: nextSeq++, ...input };
      latestSimulateSeq = command.seq;
      latestSimulate = command;
      const reply = await request<SimulateReply>(command);
      return reply.seq < latestSimulateSeq ? undefined : reply;
    },
    async trace(simulationSeq, req, repeat) {
      const reply = await request<TraceReply>({ command: 'trace', seq: nextSeq++, simulationSeq, request: req, repeat });
      return reply.result;
    },
    async runScenario(input) {
      const reply = await request<RunScenarioReply>({ command: 'runScenario', seq: nextSeq++, ...input });
      return reply.result;
    },
    async gradeChallenge(input) {
      const reply = await request<GradeChallengeReply>({ command: 'gradeChallenge', seq: nextSeq++, ...input });
      return reply.result;
    },
    async resolvePredictions(input) {
      const reply = await request<ResolvePredictionsReply>({ command: 'resolvePredictions', seq: nextSeq++, ...input });
      return { lesson: reply.lesson, errors: reply.errors };
    },
    async runKubectl(input) {
      const reply = await request<KubectlReply>({ command: 'kubectl', seq: nextSeq++, ...input });
      return reply.result;
    },
    async completeKubectl(input) {
      const reply = await request<KubectlCompleteReply>({ command: 'kubectlComplete', seq: nextSeq++, ...input });
      return { start: reply.start, current: reply.current, candidates: reply.candidates };
    },
    mode: () => (worker ? 'worker' : 'main-thread'),
    dispose() {
      disposed = true;
      if (watchdog !== undefined) clearTimer(watchdog);
      worker?.terminate();
      worker = undefined;
    },
  };
}
