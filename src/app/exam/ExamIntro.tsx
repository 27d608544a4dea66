// Before a sitting: what the set holds and how the exam works, and the button that starts the clock.
import type { ExamSet } from '../../engine/lesson/exam.ts';
import { Markdown } from '../lesson/Markdown.tsx';
import { startExam } from './exam-actions.ts';
import { WARNING_MINUTES } from './exam-timer.ts';
import { domainLabel } from './format.ts';

/** The introduction of `set`. */
export function ExamIntro({ set }: { set: ExamSet }) {
  const byDomain = new Map<string, number>();
  for (const t of set.tasks) byDomain.set(t.domain, (byDomain.get(t.domain) ?? 0) + t.weight);
  const total = set.tasks.reduce((s, t) => s + t.weight, 0);
  return (
    <section className="exam-page exam-narrow" aria-labelledby="exam-intro-title">
      <p>
        <a href="#/exam">← All exam sets</a>
      </p>
      <h1 id="exam-intro-title">{set.title}</h1>
      <p className="exam-facts">
        <span>{set.tasks.length} tasks</span>
        <span>{set.minutes} minutes</span>
        <span>pass at {set.passPercent}%</span>
      </p>
      {set.description && <Markdown text={set.description} />}
      <h2>How it works</h2>
      <ul>
        <li>The clock starts when you press Start and keeps running if you leave or reload the page. You are warned when {WARNING_MINUTES.filter((m) => m < set.minutes).join(', ')} minutes are left.</li>
        <li>Each task describes a situation and gives you the cluster as YAML. Edit it; the diagram and the request panel show what the cluster does, so you can test your answer as you would with kubectl and curl.</li>
        <li>Go between tasks in any order, and flag a task to come back to it. Your answers are saved as you type.</li>
        <li>When you end the exam (or the time runs out), the engine grades each task with weighted checks: a partly right answer earns part of the points. A task left unchanged earns nothing.</li>
      </ul>
      <h2>Weight by domain</h2>
      <ul className="exam-domain-weights">
        {[...byDomain].map(([domain, weight]) => (
          <li key={domain}>
            {domainLabel(domain)}: {Math.round((weight / total) * 100)}%
          </li>
        ))}
      </ul>
      <p className="exam-actions">
        <button type="button" className="primary exam-start" onClick={() => startExam(set)}>
          Start the exam ({set.minutes} minutes)
        </button>
      </p>
    </section>
  );
}
