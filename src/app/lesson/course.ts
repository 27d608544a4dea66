// The course as the lesson list shows it: lessons in index order, grouped by track, with what the
// learner has done in each. Pure, so it is tested without React.
import type { Lesson, LessonError, LessonIndex } from '../../engine/lesson/types.ts';
import { lessonCompletion, type LessonCompletion, type ProgressData } from '../progress/progress.ts';

/** What the list needs to know of a lesson (from its parsed file). */
export interface LessonSummary {
  folder: string;
  id: string;
  title: string;
  minutes: number;
  tags: string[];
  challengeIds: string[];
  quizIds: string[];
  /** The lesson file did not parse: the list marks it, the page shows the problems. */
  errors?: LessonError[];
}

/** One row of the lesson list. */
export interface CourseEntry {
  folder: string;
  id: string;
  /** Position in the course, from 1. */
  number: number;
  title: string;
  minutes?: number;
  tags: string[];
  /** Not known until the lesson file has loaded. */
  completion?: LessonCompletion;
  broken: boolean;
}

export interface TrackChoice {
  id: string;
  title: string;
  description: string;
}

/** The lesson id a course folder stands for: `02-cluster-ip` is `cluster-ip`. */
export function lessonIdOfFolder(folder: string): string {
  return folder.replace(/^\d+-/, '');
}

/** A readable title for a lesson not loaded yet: `02-cluster-ip` reads "Cluster ip". */
export function titleOfFolder(folder: string): string {
  const words = lessonIdOfFolder(folder).replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The summary of a parsed lesson. */
export function summariseLesson(folder: string, lesson: Lesson): LessonSummary {
  const challengeIds: string[] = [];
  const quizIds: string[] = [];
  for (const block of lesson.blocks) {
    if (block.kind === 'challenge') challengeIds.push(block.id);
    else if (block.kind === 'quiz') quizIds.push(block.item.id);
  }
  return { folder, id: lesson.id, title: lesson.title, minutes: lesson.minutes, tags: lesson.tags, challengeIds, quizIds };
}

/** The summary of a lesson whose file has problems. */
export function brokenSummary(folder: string, errors: LessonError[]): LessonSummary {
  return { folder, id: lessonIdOfFolder(folder), title: titleOfFolder(folder), minutes: 0, tags: [], challengeIds: [], quizIds: [], errors };
}

/** The folder of the lesson a route names, by id (`cluster-ip`) or folder (`02-cluster-ip`);
 * the first lesson when the route names none; undefined when it names one that does not exist. */
export function findLessonFolder(index: LessonIndex, idOrFolder: string | undefined): string | undefined {
  if (idOrFolder === undefined || idOrFolder === '') return index.lessons[0];
  return index.lessons.find((f) => f === idOrFolder || lessonIdOfFolder(f) === idOrFolder);
}

/** The lessons before and after `folder` in course order (within a track when one is chosen). */
export function neighbours(index: LessonIndex, folder: string, trackId?: string): { previous?: string; next?: string } {
  const order = lessonsOfTrack(index, trackId);
  const at = order.indexOf(folder);
  if (at < 0) return {};
  const previous = order[at - 1];
  const next = order[at + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/** The folders of a track in its own order, or the whole course. Unknown ids in a track are skipped. */
export function lessonsOfTrack(index: LessonIndex, trackId?: string): string[] {
  const track = trackId ? index.tracks.find((t) => t.id === trackId) : undefined;
  if (!track) return index.lessons;
  return track.lessons.flatMap((id) => index.lessons.filter((f) => lessonIdOfFolder(f) === id));
}

/** The list's rows for a track (or the whole course), numbered by course position. */
export function buildLessonList(index: LessonIndex, summaries: Readonly<Record<string, LessonSummary | undefined>>, progress: ProgressData, trackId?: string): CourseEntry[] {
  return lessonsOfTrack(index, trackId).map((folder) => {
    const summary = summaries[folder];
    const id = summary?.id ?? lessonIdOfFolder(folder);
    const broken = (summary?.errors?.length ?? 0) > 0;
    return {
      folder,
      id,
      number: index.lessons.indexOf(folder) + 1,
      title: summary?.title ?? titleOfFolder(folder),
      ...(summary && !broken ? { minutes: summary.minutes, completion: lessonCompletion(progress.lessons[id], summary.challengeIds, summary.quizIds) } : {}),
      tags: summary?.tags ?? [],
      broken,
    };
  });
}

/** The course's totals for the list's header: complete lessons of those known. */
export function courseTotals(entries: readonly CourseEntry[]): { complete: number; total: number } {
  return { complete: entries.filter((e) => e.completion?.complete).length, total: entries.length };
}

/** A tag as a learner reads it: `CKA:services-networking` becomes "CKA · services networking". */
export function tagLabel(tag: string): string {
  const [exam, domain] = tag.split(':');
  return domain ? `${exam} · ${domain.replace(/-/g, ' ')}` : tag.replace(/-/g, ' ');
}
