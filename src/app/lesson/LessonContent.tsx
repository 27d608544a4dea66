// One lesson, top to bottom: what it teaches, how far the learner is, its blocks, and the way on.
import type { LessonIndex } from '../../engine/lesson/types.ts';
import { lessonCompletion } from '../progress/progress.ts';
import { useProgress } from '../progress/progress-store.ts';
import { formatRoute } from '../routing/route.ts';
import { ChallengeCard } from './blocks/ChallengeCard.tsx';
import { Callout } from './blocks/Callout.tsx';
import { PlaygroundCard } from './blocks/PlaygroundCard.tsx';
import { QuizCard } from './blocks/QuizCard.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { lessonIdOfFolder, neighbours, summariseLesson, tagLabel, titleOfFolder } from './course.ts';
import type { LessonLoad } from './course-store.ts';
import { useCourse } from './course-store.ts';
import { ErrorBox } from './ErrorBox.tsx';
import { Markdown } from './Markdown.tsx';

type ReadyLoad = Extract<LessonLoad, { status: 'ready' }>;

/** The lesson `folder`, loaded. */
export function LessonContent({ folder, index, load }: { folder: string; index: LessonIndex; load: ReadyLoad }) {
  const { lesson } = load;
  const progress = useProgress((s) => s.lessons[lesson.id]);
  const summary = summariseLesson(folder, lesson);
  const completion = lessonCompletion(progress, summary.challengeIds, summary.quizIds);
  const { previous, next } = neighbours(index, folder);
  const titles = useCourse((s) => s.summaries);
  const titleOf = (f: string) => titles[f]?.title ?? titleOfFolder(f);
  const number = index.lessons.indexOf(folder) + 1;
  // The file's own "# Title" repeats the page title.
  const blocks = lesson.blocks.map((b, i) => (i === 0 && b.kind === 'markdown' ? { ...b, text: b.text.replace(/^\s*# [^\n]*\n?/, '') } : b));

  return (
    <>
      <header className="lesson-header">
        <p className="lesson-kicker muted">
          Lesson {number} of {index.lessons.length} · {lesson.minutes} min
        </p>
        <h1 id="lesson-title">{lesson.title}</h1>
        {lesson.tags.length > 0 && (
          <p className="lesson-tags" aria-label="Tags">
            {lesson.tags.map((t) => (
              <span key={t} className="lesson-tag">
                {tagLabel(t)}
              </span>
            ))}
          </p>
        )}
        {lesson.prerequisites.length > 0 && (
          <p className="lesson-prereq">
            Before this:{' '}
            {lesson.prerequisites.map((id, i) => {
              const f = index.lessons.find((x) => lessonIdOfFolder(x) === id);
              return (
                <span key={id}>
                  {i > 0 && ', '}
                  <a href={formatRoute({ page: 'lesson', lessonId: id })}>{f ? titleOf(f) : id}</a>
                </span>
              );
            })}
          </p>
        )}
        {lesson.objectives.length > 0 && (
          <details className="lesson-objectives" open>
            <summary>You will be able to</summary>
            <ul>
              {lesson.objectives.map((o, i) => (
                <li key={i}>
                  <Markdown text={o} inline />
                </li>
              ))}
            </ul>
          </details>
        )}
        <div className="lesson-progress" data-testid="lesson-progress">
          <span className={completion.complete ? 'status-ok' : 'status-neutral'}>
            <span aria-hidden="true">{completion.complete ? '✓ ' : ''}</span>
            {completion.complete ? 'Lesson complete: ' : 'Progress: '}
            {completion.challengesSolved} of {completion.challenges} challenges solved · {completion.quizzesAnswered} of {completion.quizzes} questions answered ({completion.quizzesCorrect} right)
          </span>
          {completion.started && (
            <ConfirmButton className="link" question="Forget your progress in this lesson?" confirmLabel="Reset the lesson" onConfirm={() => useProgress.getState().dispatch({ type: 'resetLesson', lesson: lesson.id })}>
              Reset
            </ConfirmButton>
          )}
        </div>
      </header>
      {load.predictionErrors.length > 0 && <ErrorBox title="Some predictions cannot be answered" errors={load.predictionErrors} />}
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'markdown':
            return <Markdown key={i} text={block.text} />;
          case 'callout':
            return <Callout key={i} block={block} />;
          case 'cheatsheet':
            return (
              <section key={i} className="cheatsheet" aria-label="Cheat sheet">
                <h2 className="cheatsheet-title">
                  <span aria-hidden="true">⌘ </span>Cheat sheet
                </h2>
                <Markdown text={block.text} copyCommands />
              </section>
            );
          case 'playground':
            return <PlaygroundCard key={i} lesson={lesson} files={load.files} block={block} />;
          case 'challenge':
            return <ChallengeCard key={block.id} lesson={lesson} block={block} />;
          case 'quiz':
            return <QuizCard key={block.item.id} lessonId={lesson.id} item={block.item} files={load.files} predictions={load.predictions} />;
        }
      })}
      <nav className="lesson-nav" aria-label="Previous and next lesson">
        {previous ? (
          <a href={formatRoute({ page: 'lesson', lessonId: lessonIdOfFolder(previous) })} rel="prev">
            ← {titleOf(previous)}
          </a>
        ) : (
          <span />
        )}
        {next && (
          <a href={formatRoute({ page: 'lesson', lessonId: lessonIdOfFolder(next) })} rel="next">
            {titleOf(next)} →
          </a>
        )}
      </nav>
    </>
  );
}
