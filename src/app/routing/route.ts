// Hash routes of the static site: `#/lesson/<id>`, `#/playground`, `#/playground?share=<packed>`,
// `#/exam`, `#/exam/<set id>`.

export type Route =
  | { page: 'lesson'; lessonId?: string }
  | { page: 'playground'; share?: string }
  | { page: 'exam'; setId?: string };

/** Reads a location hash; anything unknown is the lesson page. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = splitOnce(raw, '?');
  const segments = path.split('/').filter(Boolean).map(safeDecode);
  if (segments[0] === 'playground') {
    const share = new URLSearchParams(query).get('share');
    return share ? { page: 'playground', share } : { page: 'playground' };
  }
  if (segments[0] === 'lesson' && segments[1]) return { page: 'lesson', lessonId: segments[1] };
  if (segments[0] === 'exam') return segments[1] ? { page: 'exam', setId: segments[1] } : { page: 'exam' };
  return { page: 'lesson' };
}

/** Writes a route as a hash. */
export function formatRoute(route: Route): string {
  if (route.page === 'playground') return route.share ? `#/playground?share=${encodeURIComponent(route.share)}` : '#/playground';
  if (route.page === 'exam') return route.setId ? `#/exam/${encodeURIComponent(route.setId)}` : '#/exam';
  return route.lessonId ? `#/lesson/${encodeURIComponent(route.lessonId)}` : '#/lesson';
}

function splitOnce(text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + 1)];
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
