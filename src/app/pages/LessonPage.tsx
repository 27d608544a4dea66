// A lesson: its text beside the workspace. The text folds to a narrow rail for more diagram room.
import { findLesson } from '../lesson/lessons.ts';
import { Markdown } from '../lesson/Markdown.tsx';
import { useLayout } from '../layout/layout-store.ts';
import { SplitPane } from '../layout/SplitPane.tsx';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { Workspace } from '../workspace/Workspace.tsx';

/** The lesson page for `lessonId` (the first lesson when absent or unknown). */
export function LessonPage({ lessonId }: { lessonId?: string }) {
  const lesson = findLesson(lessonId);
  const collapsed = useLayout((s) => s.lessonCollapsed);
  const setCollapsed = useLayout((s) => s.setLessonCollapsed);
  return (
    <SplitPane direction="row" initial={0.23} minPx={220} label="Resize lesson text" className="page" collapsed={collapsed ? 'first' : undefined}>
      {collapsed ? (
        <aside className="pane lesson-rail" aria-label="Lesson (folded)">
          <button type="button" className="fold" onClick={() => setCollapsed(false)} aria-expanded={false} title={`Show the lesson: ${lesson.title}`}>
            <span aria-hidden="true">» </span>Lesson
          </button>
        </aside>
      ) : (
        <article className="pane lesson-text" aria-labelledby="lesson-title" data-testid="lesson-text">
          <button type="button" className="fold lesson-fold" onClick={() => setCollapsed(true)} aria-expanded={true} title="Fold the lesson text away: more room for the workspace">
            <span aria-hidden="true">« </span>Hide
          </button>
          <h1 id="lesson-title">{lesson.title}</h1>
          <Markdown blocks={lesson.blocks.filter((b, i) => !(i === 0 && b.type === 'heading' && b.level === 1))} />
        </article>
      )}
      <Workspace docKey={`lesson:${lesson.id}`} file={`${lesson.id.split('/').pop() ?? 'lesson'}.yaml`} initialText={DEFAULT_PLAYGROUND_YAML} />
    </SplitPane>
  );
}
