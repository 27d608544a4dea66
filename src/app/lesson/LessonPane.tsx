// The lesson column: a bar with the lesson list toggle, then the list or the lesson itself. A
// lesson whose file is broken shows its problems here, and only here.
import { useEffect, useId, useRef, useState } from 'react';
import { useCourse } from './course-store.ts';
import { LessonContent } from './LessonContent.tsx';
import { LessonList } from './LessonList.tsx';
import { ErrorBox } from './ErrorBox.tsx';
import { MarkdownBlocks } from './Markdown.tsx';
import { readMarkdownDocument } from './markdown.ts';
import { WELCOME_LESSON } from './welcome.ts';

const WELCOME = readMarkdownDocument(WELCOME_LESSON);

interface LessonPaneProps {
  /** The lesson folder shown; undefined when the course has none or the route names no lesson. */
  folder?: string;
  /** The id the route asked for. */
  requested?: string;
  onFold(): void;
}

/** The lesson text column. */
export function LessonPane({ folder, requested, onFold }: LessonPaneProps) {
  const course = useCourse((s) => s.course);
  const load = useCourse((s) => (folder ? s.loads[folder] : undefined));
  const [listOpen, setListOpen] = useState(false);
  const listId = useId();
  const index = course && 'index' in course ? course.index : undefined;
  const article = useRef<HTMLElement>(null);
  // A new lesson starts at its top, with the list closed.
  useEffect(() => {
    article.current?.scrollTo?.({ top: 0 });
    setListOpen(false);
  }, [folder]);

  return (
    <article ref={article} className="pane lesson-text" aria-labelledby="lesson-title" data-testid="lesson-text">
      <div className="lesson-toolbar">
        {index && (
          <button type="button" className="lesson-list-toggle" aria-expanded={listOpen} aria-controls={listId} onClick={() => setListOpen(!listOpen)}>
            <span aria-hidden="true">☰ </span>
            {listOpen ? 'Back to the lesson' : 'All lessons'}
          </button>
        )}
        <button type="button" className="fold lesson-fold" onClick={onFold} aria-expanded={true} title="Fold the lesson text away: more room for the workspace">
          <span aria-hidden="true">« </span>Hide
        </button>
      </div>
      {index && listOpen && (
        <div id={listId}>
          <LessonList index={index} current={folder} onChoose={() => setListOpen(false)} />
        </div>
      )}
      <div hidden={listOpen} className="lesson-body">
        {!index || !folder ? (
          <>
            <h1 id="lesson-title">{WELCOME.title}</h1>
            {course && 'errors' in course && <ErrorBox title="The course index has problems" errors={course.errors} />}
            {index && requested && !folder && <p className="lesson-notice">There is no lesson called “{requested}”. Open the list of lessons to choose one.</p>}
            <MarkdownBlocks blocks={WELCOME.blocks.filter((b, i) => !(i === 0 && b.type === 'heading' && b.level === 1))} />
          </>
        ) : load?.status === 'ready' ? (
          <LessonContent key={`${folder}`} folder={folder} index={index} load={load} />
        ) : load?.status === 'error' ? (
          <>
            <h1 id="lesson-title">This lesson cannot be shown</h1>
            <ErrorBox title={`lessons/${folder}/lesson.md has problems`} errors={load.errors} />
            <p>The rest of the course works: choose another lesson from the list.</p>
          </>
        ) : (
          <p className="placeholder" aria-busy="true" id="lesson-title">
            Loading the lesson…
          </p>
        )}
      </div>
    </article>
  );
}
