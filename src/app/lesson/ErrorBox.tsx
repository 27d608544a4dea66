// Problems in a course file, each with its file and line, as `netlab lint` prints them.
import type { LessonError } from '../../engine/lesson/types.ts';

/** A box listing lesson-file problems. */
export function ErrorBox({ title, errors }: { title: string; errors: readonly LessonError[] }) {
  return (
    <div className="lesson-error-box" role="alert">
      <p className="lesson-error-title">
        <span aria-hidden="true">✕ </span>
        {title}
      </p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <code>
              {e.file}
              {e.line > 0 ? `:${e.line}` : ''}
            </code>{' '}
            {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
