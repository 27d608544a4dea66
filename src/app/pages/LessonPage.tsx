// A lesson: its text beside the workspace.
import { findLesson } from '../lesson/lessons.ts';
import { Markdown } from '../lesson/Markdown.tsx';
import { SplitPane } from '../layout/SplitPane.tsx';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { Workspace } from '../workspace/Workspace.tsx';

/** The lesson page for `lessonId` (the first lesson when absent or unknown). */
export function LessonPage({ lessonId }: { lessonId?: string }) {
  const lesson = findLesson(lessonId);
  return (
    <SplitPane direction="row" initial={0.23} minPx={220} label="Resize lesson text" className="page">
      <article className="pane lesson-text" aria-labelledby="lesson-title" data-testid="lesson-text">
        <h1 id="lesson-title">{lesson.title}</h1>
        <Markdown blocks={lesson.blocks.filter((b, i) => !(i === 0 && b.type === 'heading' && b.level === 1))} />
      </article>
      <Workspace docKey={`lesson:${lesson.id}`} file={`${lesson.id.split('/').pop() ?? 'lesson'}.yaml`} initialText={DEFAULT_PLAYGROUND_YAML} />
    </SplitPane>
  );
}
