// Lessons found in `lessons/` at build time, with a built-in welcome lesson when there are none.
import { parseLesson, type LessonDocument } from './markdown.ts';
import { WELCOME_LESSON } from './welcome.ts';

export interface LessonEntry extends LessonDocument {
  id: string;
}

// Lesson text is data bundled with the page; a later format adds scenarios and checks.
const sources = import.meta.glob('/lessons/**/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Every lesson, by id (the path under `lessons/` without `.md`), in path order. */
export function listLessons(): LessonEntry[] {
  const found = Object.entries(sources)
    .filter(([path]) => !/\/README\.md$/i.test(path))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]) => ({ id: path.replace(/^\/lessons\//, '').replace(/(\/lesson)?\.md$/, ''), ...parseLesson(text) }));
  return found.length > 0 ? found : [{ id: 'welcome', ...parseLesson(WELCOME_LESSON) }];
}

/** The lesson with `id`, or the first one. */
export function findLesson(id: string | undefined): LessonEntry {
  const lessons = listLessons();
  return lessons.find((l) => l.id === id) ?? (lessons[0] as LessonEntry);
}
