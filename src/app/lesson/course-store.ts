// The course as loaded in this page: the index, each lesson's summary for the list, and the
// lessons opened so far (parsed, with their scenario files and the engine's predictions).
import { create } from 'zustand';
import { parseLessonIndex } from '../../engine/lesson/index-file.ts';
import { parseLesson } from '../../engine/lesson/parse.ts';
import type { Lesson, LessonError, LessonIndex } from '../../engine/lesson/types.ts';
import { engineClient } from '../engine/engine-instance.ts';
import { brokenSummary, summariseLesson, type LessonSummary } from './course.ts';
import { LESSON_SOURCES, LESSONS_CHANGED, type LessonSources } from './lesson-sources.ts';

export type LessonLoad =
  | { status: 'loading' }
  | { status: 'error'; errors: LessonError[] }
  | {
      status: 'ready';
      lesson: Lesson;
      files: Record<string, string>;
      /** Predict items get their answers from the engine, after the lesson shows. */
      predictions: 'pending' | 'ready' | 'failed';
      predictionErrors: LessonError[];
    };

export type CourseIndex = { index: LessonIndex } | { errors: LessonError[] };

export interface CourseState {
  sources: LessonSources;
  /** Bumped when the course files change (dev server): everything loaded before is dropped. */
  generation: number;
  /** Undefined when the build has no lessons at all. */
  course?: CourseIndex;
  summaries: Record<string, LessonSummary>;
  loads: Record<string, LessonLoad>;
  /** The generation each load was read in: an older one stays on screen until its reload lands. */
  loadedIn: Record<string, number>;
}

const INDEX_FILE = 'lessons/index.yaml';

/** The course index: `lessons/index.yaml`, or the folders in name order when there is none. */
export function readCourseIndex(sources: LessonSources): CourseIndex | undefined {
  if (sources.indexText !== undefined) {
    const parsed = parseLessonIndex(INDEX_FILE, sources.indexText);
    return 'errors' in parsed ? parsed : { index: parsed.index };
  }
  return sources.folders.length > 0 ? { index: { lessons: sources.folders, tracks: [] } } : undefined;
}

function stateFor(sources: LessonSources, generation: number, before?: CourseState): CourseState {
  const course = readCourseIndex(sources);
  return { sources, generation, ...(course ? { course } : {}), summaries: {}, loads: before?.loads ?? {}, loadedIn: before?.loadedIn ?? {} };
}

/** The loaded course. */
export const useCourse = create<CourseState>()(() => stateFor(LESSON_SOURCES, 0));

/** Swaps in updated course files (the dev server's HMR): what was loaded stays on screen until
 * the page reads it again. */
export function replaceCourseSources(sources: LessonSources): void {
  useCourse.setState((s) => stateFor(sources, s.generation + 1, s), true);
}

if (typeof window !== 'undefined') window.addEventListener(LESSONS_CHANGED, (event) => replaceCourseSources((event as CustomEvent<LessonSources>).detail));

const lessonPath = (folder: string) => `lessons/${folder}/lesson.md`;

async function readLesson(sources: LessonSources, folder: string): Promise<{ lesson: Lesson } | { errors: LessonError[] }> {
  try {
    const text = await sources.loadLesson(folder);
    if (text === undefined) return { errors: [{ file: lessonPath(folder), line: 0, message: `the course lists ${folder}, but ${lessonPath(folder)} does not exist` }] };
    return parseLesson(lessonPath(folder), text);
  } catch (error) {
    return { errors: [{ file: lessonPath(folder), line: 0, message: `the lesson could not be loaded: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

function setLoad(generation: number, folder: string, load: LessonLoad, summary?: LessonSummary): void {
  useCourse.setState((s) =>
    s.generation !== generation
      ? s
      : { loads: { ...s.loads, [folder]: load }, loadedIn: { ...s.loadedIn, [folder]: generation }, ...(summary ? { summaries: { ...s.summaries, [folder]: summary } } : {}) },
  );
}

/** Loads a lesson (once per course generation): its file, its scenario files, then the engine's
 * answers to its predictions. */
export async function openLesson(folder: string): Promise<void> {
  const { sources, generation, loads, loadedIn } = useCourse.getState();
  if (loads[folder] && loadedIn[folder] === generation) return;
  // A lesson edited on the dev server stays on screen while its new text loads.
  if (loads[folder]?.status === 'ready') useCourse.setState((s) => ({ loadedIn: { ...s.loadedIn, [folder]: generation } }));
  else setLoad(generation, folder, { status: 'loading' });
  const read = await readLesson(sources, folder);
  if ('errors' in read) {
    setLoad(generation, folder, { status: 'error', errors: read.errors }, brokenSummary(folder, read.errors));
    return;
  }
  let files: Record<string, string> = {};
  try {
    files = await sources.loadFiles(folder);
  } catch {
    // Without its files a lesson still reads; its playgrounds say what is missing.
  }
  setLoad(generation, folder, { status: 'ready', lesson: read.lesson, files, predictions: 'pending', predictionErrors: [] }, summariseLesson(folder, read.lesson));
  if (!read.lesson.blocks.some((b) => b.kind === 'quiz' && b.item.type === 'predict')) {
    setLoad(generation, folder, { status: 'ready', lesson: read.lesson, files, predictions: 'ready', predictionErrors: [] });
    return;
  }
  try {
    const resolved = await engineClient().resolvePredictions({ lesson: read.lesson, files });
    setLoad(generation, folder, { status: 'ready', lesson: resolved.lesson, files, predictions: 'ready', predictionErrors: resolved.errors });
  } catch (error) {
    const message = `the engine could not answer this lesson's predictions: ${error instanceof Error ? error.message : String(error)}`;
    setLoad(generation, folder, { status: 'ready', lesson: read.lesson, files, predictions: 'failed', predictionErrors: [{ file: lessonPath(folder), line: 0, message }] });
  }
}

// Parsing a lesson takes ~10 ms: one at a time, when the page is idle, so typing never waits.
const whenIdle = () => new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 500 }) : setTimeout(resolve, 0)));

/** Reads every lesson's frontmatter and blocks for the list (titles, minutes, what to complete). */
export async function loadSummaries(): Promise<void> {
  const { sources, generation, course } = useCourse.getState();
  if (!course || 'errors' in course) return;
  for (const folder of course.index.lessons) {
    if (useCourse.getState().generation !== generation) return;
    if (useCourse.getState().summaries[folder]) continue;
    await whenIdle();
    const read = await readLesson(sources, folder);
    const summary = 'errors' in read ? brokenSummary(folder, read.errors) : summariseLesson(folder, read.lesson);
    useCourse.setState((s) => (s.generation !== generation || s.summaries[folder] ? s : { summaries: { ...s.summaries, [folder]: summary } }));
  }
}
