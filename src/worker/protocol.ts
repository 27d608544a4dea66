// The messages between the app and the engine worker: plain, structured-cloneable data only.
import type { ClusterBlock } from '../engine/cluster/settings.ts';
import type { ObservedState } from '../engine/controllers/observed.ts';
import type { CommandResult, TerminalSession } from '../engine/kubectl/session.ts';
import type { ChallengeBlock, ChallengeGrade, Lesson, LessonError } from '../engine/lesson/types.ts';
import type { ManifestSource } from '../engine/parse/manifests.ts';
import type { ScenarioResult } from '../engine/scenario/types.ts';
import type { ProbeRequest } from '../engine/trace/probe.ts';
import type { Trace } from '../engine/trace/types.ts';
import type { Cluster, Diagnostic } from '../engine/types.ts';

export interface SimulateCommand {
  command: 'simulate';
  seq: number;
  manifests: ManifestSource[];
  cluster?: ClusterBlock;
  /** Injected faults on controller-made pods (not ready, deleted). */
  observed?: ObservedState;
}

export interface TraceCommand {
  command: 'trace';
  seq: number;
  /** Which simulation to trace in: the one the diagram shows. */
  simulationSeq: number;
  request: ProbeRequest;
  repeat: number;
}

export interface RunScenarioCommand {
  command: 'runScenario';
  seq: number;
  file: string;
  text: string;
  /** Files the scenario may refer to (manifests by path), by path. */
  files?: Record<string, string>;
}

/** Grades a lesson challenge against the learner's YAML (the lesson page's "Check"). */
export interface GradeChallengeCommand {
  command: 'gradeChallenge';
  seq: number;
  challenge: ChallengeBlock;
  yaml: string;
  cluster?: ClusterBlock;
}

/** Computes the engine's answers to a lesson's predict items in their scenarios. */
export interface ResolvePredictionsCommand {
  command: 'resolvePredictions';
  seq: number;
  lesson: Lesson;
  /** The lesson's scenario files, by path relative to the lesson root. */
  files: Record<string, string>;
}

/** Runs one terminal command line (kubectl, or a command in a pod's shell) in a session. */
export interface KubectlCommand {
  command: 'kubectl';
  seq: number;
  session: TerminalSession;
  line: string;
  /** Seconds since the previous command: AGE moves on by this much. */
  elapsedSeconds?: number;
}

/** Tab completion of the word at `cursor` in a terminal command line. */
export interface KubectlCompleteCommand {
  command: 'kubectlComplete';
  seq: number;
  session: TerminalSession;
  line: string;
  cursor: number;
}

export type EngineCommand = SimulateCommand | TraceCommand | RunScenarioCommand | GradeChallengeCommand | ResolvePredictionsCommand | KubectlCommand | KubectlCompleteCommand;

export interface SimulateReply {
  command: 'simulate';
  seq: number;
  cluster: Cluster;
  diagnostics: Diagnostic[];
  /** Engine time in milliseconds, for the status line and benchmarks. */
  elapsedMs: number;
}

export interface TraceReply {
  command: 'trace';
  seq: number;
  result: Trace[] | { error: string };
}

export interface RunScenarioReply {
  command: 'runScenario';
  seq: number;
  result: ScenarioResult;
}

export interface GradeChallengeReply {
  command: 'gradeChallenge';
  seq: number;
  result: ChallengeGrade;
}

export interface ResolvePredictionsReply {
  command: 'resolvePredictions';
  seq: number;
  lesson: Lesson;
  errors: LessonError[];
}

/** The engine threw: reported as data so the client can tell the learner. */
export interface ErrorReply {
  command: 'error';
  seq: number;
  message: string;
}

export interface KubectlReply {
  command: 'kubectl';
  seq: number;
  result: CommandResult;
}

export interface KubectlCompleteReply {
  command: 'kubectlComplete';
  seq: number;
  /** Where the word being completed starts in the line. */
  start: number;
  /** The word typed so far. */
  current: string;
  candidates: string[];
}

export type EngineReply = SimulateReply | TraceReply | RunScenarioReply | GradeChallengeReply | ResolvePredictionsReply | KubectlReply | KubectlCompleteReply | ErrorReply;

/** The reply a command gets when it succeeds. */
export type ReplyFor<C extends EngineCommand> = C extends SimulateCommand
  ? SimulateReply
  : C extends TraceCommand
    ? TraceReply
    : RunScenarioReply;

/** Whether a simulation may replace the last good one on the diagram: no errors at all. */
export function isCleanSimulation(diagnostics: readonly Diagnostic[]): boolean {
  return !diagnostics.some((d) => d.severity === 'error');
}

