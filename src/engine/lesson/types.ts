// The parsed form of a lesson file: plain JSON, so the worker can post it to the app unchanged.
import type { ClusterBlock } from '../cluster/settings.ts';
import type { CheckResult, ScenarioCheck } from '../scenario/types.ts';

/** A problem in a lesson file, at a 1-based line (0 when the file as a whole is meant). */
export interface LessonError {
  file: string;
  line: number;
  message: string;
}

/** A lesson: frontmatter plus its blocks in reading order. */
export interface Lesson {
  /** The lesson file's path as given to `parseLesson` (`lessons/01-pod-network/lesson.md`). */
  file: string;
  id: string;
  title: string;
  objectives: string[];
  minutes: number;
  /** Ids of lessons to take first. */
  prerequisites: string[];
  /** Free-form tags; exam domains are written `CKA:services-networking`, `CKAD:...`. */
  tags: string[];
  blocks: LessonBlock[];
}

export type LessonBlock = MarkdownBlock | PlaygroundBlock | ChallengeBlock | QuizBlock | CalloutBlock | CheatsheetBlock;

/** Prose between directives, as the author wrote it. */
export interface MarkdownBlock {
  kind: 'markdown';
  line: number;
  text: string;
}

/** A scenario the learner can edit and probe freely. */
export interface PlaygroundBlock {
  kind: 'playground';
  line: number;
  /** The scenario file as written in the directive, relative to the lesson file. */
  scenario: string;
  /** The same file relative to the lesson root (`lessons/01-pod-network/playground.scenario.yaml`). */
  path: string;
  /** Markdown shown with the playground (the container form's body); empty for the leaf form. */
  text: string;
}

/** A task graded by running scenario checks against the learner's YAML. */
export interface ChallengeBlock {
  kind: 'challenge';
  line: number;
  id: string;
  title: string;
  /** Markdown: what to do. */
  task: string;
  /** The YAML the editor starts with. */
  start: string;
  /** The checks, parsed as a scenario's `checks:` (lines are lines of the lesson file). */
  checks: ScenarioCheck[];
  /** The checks as the author wrote them, for display. */
  checksYaml: string;
  /** The scenario's `cluster:` block the checks run with; absent means the defaults. */
  cluster?: ClusterBlock;
  /** Markdown hints, revealed one at a time. */
  hints: string[];
  /** The reference solution (full YAML, shown after solving or giving up). */
  solution: string;
  /** Markdown shown once the challenge is solved. */
  explanation: string;
  /** Lines of the `start` and `solution` fences' first YAML line, for reporting. */
  startLine: number;
  solutionLine: number;
}

/** A quiz item in the lesson flow. */
export interface QuizBlock {
  kind: 'quiz';
  line: number;
  item: QuizItem;
}

export type CalloutVariant = 'note' | 'tip' | 'warning' | 'danger';

/** A highlighted aside. */
export interface CalloutBlock {
  kind: 'callout';
  line: number;
  variant: CalloutVariant;
  /** Optional title (`:::warning[Title]`). */
  title: string;
  text: string;
}

/** The lesson's kubectl cheat sheet (markdown, usually a table or list of commands). */
export interface CheatsheetBlock {
  kind: 'cheatsheet';
  line: number;
  text: string;
}

interface QuizBase {
  id: string;
  line: number;
  /** Markdown: the question. */
  prompt: string;
  /** Markdown shown after answering, right or wrong. */
  explanation: string;
}

/** One choice of a single or multiple choice item. */
export interface QuizOption {
  text: string;
  correct: boolean;
}

/** Exactly one option is correct; the answer is its index. */
export interface SingleChoiceItem extends QuizBase {
  type: 'single';
  options: QuizOption[];
}

/** Any number of options (at least one) are correct; the answer is the set of chosen indices. */
export interface MultipleChoiceItem extends QuizBase {
  type: 'multiple';
  options: QuizOption[];
}

/** Steps written in the correct order (the app shuffles them); the answer is the learner's order
 * as indices into `steps`. */
export interface OrderingItem extends QuizBase {
  type: 'ordering';
  steps: string[];
}

/** A typed answer compared, after normalisation, with every accepted form. */
export interface ShortAnswerItem extends QuizBase {
  type: 'short';
  /** Accepted forms as written (the first is shown as the answer). */
  accepted: string[];
  caseSensitive: boolean;
}

/** What a prediction asks about: a check without its expectation, which the engine computes. */
export type PredictQuestion =
  | { kind: 'probe'; probe: { from: string; to: string; protocol?: string; headers?: Record<string, string>; method?: string } }
  | { kind: 'lookup'; lookup: { from: string; name: string; type?: string } }
  | { kind: 'endpoints'; service: string };

/** A choice the learner can pick in a prediction. */
export interface PredictChoice {
  id: string;
  label: string;
}

/** The engine's answer to a prediction, computed from the scenario. */
export interface Prediction {
  choices: PredictChoice[];
  /** Ids of the correct choices: one for probe and lookup outcomes, a set for endpoints. */
  correct: string[];
  /** Whether the learner picks one choice (outcomes) or a set (endpoints). */
  multiple: boolean;
  /** Why, in the engine's words (the trace summary, the lookup's answers, the ready addresses). */
  summary: string;
}

/** The learner predicts what the engine will do before the animation plays. */
export interface PredictItem extends QuizBase {
  type: 'predict';
  /** Scenario file relative to the lesson file, and relative to the lesson root. */
  scenario: string;
  path: string;
  question: PredictQuestion;
  /** Filled by `resolvePredictions` (or `computePrediction`); grading needs it. */
  prediction?: Prediction;
}

export type QuizItem = SingleChoiceItem | MultipleChoiceItem | OrderingItem | ShortAnswerItem | PredictItem;

/** What the learner answered: an index (single), indices (multiple, ordering), text (short), a
 * choice id or ids (predict). */
export type QuizAnswer = number | number[] | string | string[];

/** The verdict on one quiz answer. */
export interface QuizGrade {
  correct: boolean;
  explanation: string;
  /** The correct answer in words, to show after a wrong one. */
  answer: string;
}

/** The verdict on one challenge attempt. */
export interface ChallengeGrade {
  passed: boolean;
  results: CheckResult[];
  /** Set when the learner's YAML could not be run at all (a syntax error, bad cluster settings). */
  error?: { line: number; message: string };
}

/** `lessons/index.yaml`: course order and tracks. */
export interface LessonIndex {
  /** Lesson folders (`01-pod-network`) in course order. */
  lessons: string[];
  tracks: Array<{ id: string; title: string; description: string; lessons: string[] }>;
}
