// A lesson: its text (with the lesson list) beside the workspace. The text folds to a narrow rail
// for more diagram room. Without a course, the built-in welcome text and the default YAML show.
import { useEffect } from 'react';
import { findLessonFolder } from '../lesson/course.ts';
import { loadSummaries, openLesson, useCourse } from '../lesson/course-store.ts';
import { LessonPane } from '../lesson/LessonPane.tsx';
import { useLessonWorkspace } from '../lesson/lesson-workspace-store.ts';
import { LessonWorkspace } from '../lesson/LessonWorkspace.tsx';
import '../lesson/lesson.css';
import { useLayout } from '../layout/layout-store.ts';
import { SplitPane } from '../layout/SplitPane.tsx';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { Workspace } from '../workspace/Workspace.tsx';

/** The lesson page for `lessonId` (an id or a folder; the first lesson when absent). */
export function LessonPage({ lessonId }: { lessonId?: string }) {
  const course = useCourse((s) => s.course);
  const generation = useCourse((s) => s.generation);
  const index = course && 'index' in course ? course.index : undefined;
  const last = useLessonWorkspace((s) => s.last);
  // Without an id, come back to the lesson last opened (if the course still has it).
  const folder = index ? findLessonFolder(index, lessonId ?? (last && findLessonFolder(index, last) ? last : undefined)) : undefined;
  const load = useCourse((s) => (folder ? s.loads[folder] : undefined));
  const collapsed = useLayout((s) => s.lessonCollapsed);
  const setCollapsed = useLayout((s) => s.setLessonCollapsed);

  useEffect(() => {
    if (!folder) return;
    void openLesson(folder);
    useLessonWorkspace.getState().setLast(folder);
  }, [folder, generation]);
  // The list's titles and ticks: read once the lesson on screen has started loading.
  useEffect(() => {
    if (!index) return;
    const timer = setTimeout(() => void loadSummaries(), 300);
    return () => clearTimeout(timer);
  }, [index, generation]);

  const lesson = load?.status === 'ready' ? load : undefined;
  const title = lesson?.lesson.title ?? 'Lesson';
  return (
    <SplitPane direction="row" initial={0.32} minPx={260} label="Resize lesson text" className="page page-lesson" collapsed={collapsed ? 'first' : undefined}>
      {collapsed ? (
        <aside className="pane lesson-rail" aria-label="Lesson (folded)">
          <button type="button" className="fold" onClick={() => setCollapsed(false)} aria-expanded={false} title={`Show the lesson: ${title}`}>
            <span aria-hidden="true">» </span>Lesson
          </button>
        </aside>
      ) : (
        <LessonPane folder={folder} requested={lessonId} onFold={() => setCollapsed(true)} />
      )}
      {lesson ? (
        <LessonWorkspace lesson={lesson.lesson} files={lesson.files} />
      ) : !folder || load?.status === 'error' ? (
        <Workspace key="lesson:welcome" docKey="lesson:welcome" file="welcome.yaml" initialText={DEFAULT_PLAYGROUND_YAML} />
      ) : (
        <div className="pane placeholder" aria-busy="true">
          Loading the lesson…
        </div>
      )}
    </SplitPane>
  );
}
