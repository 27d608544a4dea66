// The list of lessons: course order or one track, with minutes, tags and a tick for each lesson
// done. Status is said in words and icons, not colour alone.
import { useId, useMemo, useState } from 'react';
import type { LessonIndex } from '../../engine/lesson/types.ts';
import { ProgressControls } from '../progress/ProgressControls.tsx';
import { useProgress } from '../progress/progress-store.ts';
import { formatRoute } from '../routing/route.ts';
import { buildLessonList, courseTotals, tagLabel, type CourseEntry } from './course.ts';
import { useCourse } from './course-store.ts';

/** The lesson list; `onChoose` runs when the learner opens a lesson from it. */
export function LessonList({ index, current, onChoose }: { index: LessonIndex; current?: string; onChoose(): void }) {
  const summaries = useCourse((s) => s.summaries);
  const lessons = useProgress((s) => s.lessons);
  const [trackId, setTrackId] = useState('');
  const selectId = useId();
  const entries = useMemo(() => buildLessonList(index, summaries, { lessons }, trackId || undefined), [index, summaries, lessons, trackId]);
  const totals = courseTotals(buildLessonList(index, summaries, { lessons }));
  const track = index.tracks.find((t) => t.id === trackId);

  return (
    <nav className="lesson-list" aria-label="Lessons">
      <h2 className="lesson-list-title">
        Lessons <span className="muted">({totals.complete} of {totals.total} complete)</span>
      </h2>
      {index.tracks.length > 0 && (
        <p className="lesson-track">
          <label htmlFor={selectId}>Track </label>
          <select id={selectId} value={trackId} onChange={(e) => setTrackId(e.target.value)}>
            <option value="">The whole course</option>
            {index.tracks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </p>
      )}
      {track?.description && <p className="muted lesson-track-description">{track.description}</p>}
      <ol className="lesson-entries">
        {entries.map((entry) => (
          <LessonEntry key={entry.folder} entry={entry} current={entry.folder === current} onChoose={onChoose} />
        ))}
      </ol>
      <ProgressControls />
    </nav>
  );
}

function statusOf(entry: CourseEntry): { icon: string; text: string; className: string } {
  if (entry.broken) return { icon: '⚠', text: 'cannot be shown', className: 'status-bad' };
  const c = entry.completion;
  if (!c) return { icon: '·', text: 'loading', className: 'status-neutral' };
  if (c.complete) return { icon: '✓', text: 'complete', className: 'status-ok' };
  if (c.started) return { icon: '◐', text: `${c.challengesSolved} of ${c.challenges} challenges, ${c.quizzesAnswered} of ${c.quizzes} questions`, className: 'status-warn' };
  return { icon: '○', text: 'not started', className: 'status-neutral' };
}

function LessonEntry({ entry, current, onChoose }: { entry: CourseEntry; current: boolean; onChoose(): void }) {
  const status = statusOf(entry);
  return (
    <li className="lesson-entry" aria-current={current ? 'page' : undefined}>
      <span className={`lesson-entry-status ${status.className}`} aria-hidden="true">
        {status.icon}
      </span>
      <span className="lesson-entry-main">
        <a href={formatRoute({ page: 'lesson', lessonId: entry.id })} onClick={onChoose}>
          {entry.number}. {entry.title}
        </a>
        <span className="lesson-entry-meta">
          <span className="sr-only">Status: </span>
          <span className={status.className}>{status.text}</span>
          {entry.minutes !== undefined && <span> · {entry.minutes} min</span>}
        </span>
        {entry.tags.length > 0 && (
          <span className="lesson-tags">
            {entry.tags.map((t) => (
              <span key={t} className="lesson-tag">
                {tagLabel(t)}
              </span>
            ))}
          </span>
        )}
      </span>
    </li>
  );
}
