// `lessons/index.yaml`: the course order (lesson folders) and tracks (lesson ids).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { LessonError, LessonIndex } from './types.ts';

export const LESSON_FOLDER = /^(\d{2,3})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Parses the index file; lines of problems are lines of the file. Track entries are lesson ids. */
export function parseLessonIndex(path: string, text: string): { index: LessonIndex; lines: Record<string, number> } | { errors: LessonError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: unknown) => {
    const range = (node as YamlNode | null | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const errors: LessonError[] = [];
  const fail = (node: unknown, message: string) => errors.push({ file: path, line: lineOf(node), message });
  for (const e of doc.errors) errors.push({ file: path, line: lineCounter.linePos(e.pos[0]).line, message: `YAML syntax error: ${e.message.split('\n')[0]}` });
  if (errors.length) return { errors };
  const root = doc.contents;
  if (!isMap(root)) return { errors: [{ file: path, line: 1, message: 'the index is a mapping with lessons (folders in course order) and tracks' }] };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (key !== 'lessons' && key !== 'tracks') fail(pair.key, `unknown key "${key}" (expected lessons, tracks)`);
  }
  const get = (map: YAMLMap, key: string) => map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
  // Where each lesson folder and track entry is written, for problems found later.
  const lines: Record<string, number> = {};
  const lessons: string[] = [];
  const lessonsNode = get(root, 'lessons');
  if (!isSeq(lessonsNode) || lessonsNode.items.length === 0) fail(lessonsNode ?? root, 'lessons must list the lesson folders in course order (- 01-pod-network)');
  else
    for (const item of lessonsNode.items) {
      if (!isScalar(item) || typeof item.value !== 'string' || !LESSON_FOLDER.test(item.value)) fail(item, 'each lesson is a folder name such as 01-pod-network (two digits, a hyphen, the lesson id)');
      else if (lessons.includes(item.value)) fail(item, `lesson ${item.value} is listed twice`);
      else {
        lessons.push(item.value);
        lines[`lesson:${item.value}`] = lineOf(item);
      }
    }
  const tracks: LessonIndex['tracks'] = [];
  const tracksNode = get(root, 'tracks');
  if (tracksNode !== undefined && !(isScalar(tracksNode) && tracksNode.value === null)) {
    if (!isSeq(tracksNode)) fail(tracksNode, 'tracks must be a list of {id, title, description, lessons}');
    else
      for (const t of tracksNode.items) {
        if (!isMap(t)) {
          fail(t, 'a track is a mapping with id, title, description and lessons');
          continue;
        }
        for (const pair of t.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : '?';
          if (!['id', 'title', 'description', 'lessons'].includes(key)) fail(pair.key, `unknown track key "${key}" (expected id, title, description, lessons)`);
        }
        const json = t.toJSON() as Record<string, unknown>;
        const ids = json.lessons;
        if (typeof json.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(json.id)) fail(t, 'a track needs an id (lower-case words joined by hyphens)');
        else if (tracks.some((x) => x.id === json.id)) fail(t, `track ${json.id} is defined twice`);
        if (typeof json.title !== 'string' || json.title.trim() === '') fail(t, 'a track needs a title');
        if (!Array.isArray(ids) || ids.length === 0 || ids.some((x) => typeof x !== 'string')) fail(get(t, 'lessons') ?? t, 'a track lists lesson ids (- pod-network)');
        else {
          const trackLessons = get(t, 'lessons');
          if (isSeq(trackLessons)) trackLessons.items.forEach((item, i) => (lines[`track:${String(json.id)}:${String(ids[i])}`] = lineOf(item)));
        }
        tracks.push({ id: String(json.id ?? ''), title: String(json.title ?? ''), description: typeof json.description === 'string' ? json.description : '', lessons: Array.isArray(ids) ? ids.map(String) : [] });
      }
  }
  if (errors.length) return { errors };
  return { index: { lessons, tracks }, lines };
}
