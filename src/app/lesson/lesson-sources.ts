/// <reference types="vite/client" />
// The course files, bundled at build time so the static site works offline. Lesson files load
// lazily, one chunk each; on the dev server an edited lesson arrives through HMR (this module
// accepts its own update and hands the new loaders over, so the page reloads only that lesson).

/** How the app reaches the course files. */
export interface LessonSources {
  /** `lessons/index.yaml`, or undefined when the course has none. */
  indexText?: string;
  /** Lesson folders that have a `lesson.md`. */
  folders: string[];
  /** The text of `lessons/<folder>/lesson.md`. */
  loadLesson(folder: string): Promise<string | undefined>;
  /** The lesson folder's YAML files, by path from the lesson root (`lessons/02-x/a.scenario.yaml`). */
  loadFiles(folder: string): Promise<Record<string, string>>;
}

const indexFiles = import.meta.glob('/lessons/index.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const lessonFiles = import.meta.glob('/lessons/*/lesson.md', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;
// Exam sets live beside the lessons but are not lesson files.
const yamlFiles = import.meta.glob(['/lessons/*/*.{yaml,yml}', '!/lessons/exams/**'], { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

/** Builds sources over globbed files (keys are `/lessons/...` paths). */
export function createLessonSources(index: Record<string, string>, lessons: Record<string, () => Promise<string>>, yaml: Record<string, () => Promise<string>>): LessonSources {
  const folderOf = (key: string) => key.split('/')[2] ?? '';
  return {
    indexText: index['/lessons/index.yaml'],
    folders: Object.keys(lessons).map(folderOf).sort(),
    loadLesson: async (folder) => lessons[`/lessons/${folder}/lesson.md`]?.(),
    loadFiles: async (folder) => {
      const keys = Object.keys(yaml).filter((k) => folderOf(k) === folder);
      const texts = await Promise.all(keys.map((k) => yaml[k]!()));
      return Object.fromEntries(keys.map((k, i) => [k.slice(1), texts[i]!]));
    },
  };
}

/** The course bundled with this build. */
export const LESSON_SOURCES: LessonSources = createLessonSources(indexFiles, lessonFiles, yamlFiles);

/** The event an updated course arrives with on the dev server. */
export const LESSONS_CHANGED = 'netlab:lessons-changed';

if (import.meta.hot) {
  import.meta.hot.accept((next) => {
    const sources = (next as { LESSON_SOURCES?: LessonSources } | undefined)?.LESSON_SOURCES;
    if (sources) window.dispatchEvent(new CustomEvent<LessonSources>(LESSONS_CHANGED, { detail: sources }));
  });
}
