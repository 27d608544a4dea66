// The answer widgets of the quiz types: choices (radio or checkbox), ordering with move buttons
// (keyboard and screen-reader friendly, no dragging needed), and a short text answer.
import { useEffect, useId, useRef, useState } from 'react';
import type { QuizGrade, QuizItem } from '../../../engine/lesson/types.ts';
import { Markdown } from '../Markdown.tsx';
import { moveStep, toggle, type QuizDraft } from '../quiz-answer.ts';

interface WidgetProps {
  item: QuizItem;
  draft: QuizDraft;
  onChange(draft: QuizDraft): void;
  /** The id of the question text, which names the widget. */
  labelledBy: string;
  /** Answered: the widget shows the answer and takes no input. */
  locked: boolean;
  grade?: QuizGrade;
}

/** The widget for `item`'s type. */
export function QuizWidget(props: WidgetProps) {
  const { item, draft } = props;
  if (item.type === 'ordering' && draft.type === 'ordering') return <OrderingWidget {...props} steps={item.steps} order={draft.order} />;
  if (item.type === 'short' && draft.type === 'short') return <ShortWidget {...props} text={draft.text} />;
  if ((item.type === 'single' || item.type === 'multiple') && (draft.type === 'single' || draft.type === 'multiple')) {
    const chosen = draft.type === 'single' ? (draft.choice === undefined ? [] : [draft.choice]) : draft.chosen;
    return (
      <ChoiceWidget
        {...props}
        multiple={item.type === 'multiple'}
        choices={item.options.map((o, i) => ({ key: String(i), label: o.text, correct: o.correct }))}
        chosen={chosen.map(String)}
        onChoose={(key) => {
          const i = Number(key);
          props.onChange(draft.type === 'single' ? { type: 'single', choice: i } : { type: 'multiple', chosen: toggle(draft.chosen, i) });
        }}
      />
    );
  }
  if (item.type === 'predict' && draft.type === 'predict' && item.prediction) {
    const p = item.prediction;
    return (
      <ChoiceWidget
        {...props}
        multiple={p.multiple}
        choices={p.choices.map((c) => ({ key: c.id, label: c.label, correct: p.correct.includes(c.id) }))}
        chosen={draft.chosen}
        onChoose={(key) => props.onChange({ type: 'predict', chosen: p.multiple ? toggle(draft.chosen, key) : [key] })}
        hint={p.multiple ? 'Tick every pod you expect to be a ready endpoint (possibly none).' : undefined}
      />
    );
  }
  return null;
}

interface Choice {
  key: string;
  label: string;
  correct: boolean;
}

function ChoiceWidget({ multiple, choices, chosen, onChoose, labelledBy, locked, hint }: WidgetProps & { multiple: boolean; choices: Choice[]; chosen: string[]; onChoose(key: string): void; hint?: string }) {
  const name = useId();
  return (
    <fieldset className="quiz-choices" aria-labelledby={labelledBy} disabled={locked}>
      {hint && <p className="muted quiz-hint">{hint}</p>}
      {choices.map((choice) => {
        const picked = chosen.includes(choice.key);
        // After answering: mark the right options (and the ones the learner missed), and their wrong picks.
        const mark = !locked ? undefined : choice.correct ? (picked ? 'right' : 'missed') : picked ? 'wrong' : undefined;
        return (
          <label key={choice.key} className={`quiz-choice${picked ? ' is-picked' : ''}${mark ? ` is-${mark}` : ''}`}>
            <input type={multiple ? 'checkbox' : 'radio'} name={name} checked={picked} onChange={() => onChoose(choice.key)} />
            <span className="quiz-choice-text">
              <Markdown text={choice.label} inline />
            </span>
            {mark && (
              <span className={`quiz-mark ${mark === 'wrong' ? 'status-bad' : 'status-ok'}`}>
                <span aria-hidden="true">{mark === 'wrong' ? ' ✕' : ' ✓'}</span>
                {mark === 'missed' ? <span className="quiz-mark-note"> right, not picked</span> : <span className="sr-only">{mark === 'right' ? ' (your pick: right)' : ' (your pick: wrong)'}</span>}
              </span>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}

function OrderingWidget({ steps, order, onChange, labelledBy, locked }: WidgetProps & { steps: string[]; order: number[] }) {
  const [announcement, setAnnouncement] = useState('');
  const box = useRef<HTMLDivElement>(null);
  // A step moved to the top or bottom loses the button it was moved with (now disabled): keep
  // the keyboard on that step by focusing its other button.
  const refocus = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!refocus.current) return;
    box.current?.querySelector<HTMLButtonElement>(`[data-move="${refocus.current}"]`)?.focus();
    refocus.current = undefined;
  }, [order]);
  const move = (position: number, delta: number) => {
    const next = moveStep(order, position, delta);
    const stepIndex = order[position] ?? 0;
    if (position + delta === 0) refocus.current = `${stepIndex}:down`;
    else if (position + delta === order.length - 1) refocus.current = `${stepIndex}:up`;
    onChange({ type: 'ordering', order: next });
    const step = plain(steps[order[position] ?? 0] ?? '');
    setAnnouncement(`Moved “${step}” to position ${position + delta + 1} of ${order.length}.`);
  };
  return (
    <div ref={box} className="quiz-ordering" role="group" aria-labelledby={labelledBy}>
      <ol>
        {order.map((stepIndex, position) => {
          const step = steps[stepIndex] ?? '';
          const name = plain(step);
          const mark = locked ? (stepIndex === position ? 'right' : 'wrong') : undefined;
          return (
            <li key={stepIndex} className={`quiz-step${mark ? ` is-${mark}` : ''}`}>
              <span className="quiz-step-text">
                <Markdown text={step} inline />
                {mark && (
                  <span className={`quiz-mark ${mark === 'right' ? 'status-ok' : 'status-bad'}`}>
                    <span aria-hidden="true">{mark === 'right' ? ' ✓' : ' ✕'}</span>
                    <span className="sr-only">{mark === 'right' ? ' (in the right place)' : ' (in the wrong place)'}</span>
                  </span>
                )}
              </span>
              {!locked && (
                <span className="quiz-step-moves">
                  <button type="button" data-move={`${stepIndex}:up`} onClick={() => move(position, -1)} disabled={position === 0} aria-label={`Move “${name}” up`} title="Move up">
                    ↑
                  </button>
                  <button type="button" data-move={`${stepIndex}:down`} onClick={() => move(position, 1)} disabled={position === order.length - 1} aria-label={`Move “${name}” down`} title="Move down">
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** Step text without Markdown marks, for labels read aloud. */
const plain = (markdown: string) => markdown.replace(/[`*_]/g, '');

function ShortWidget({ text, onChange, locked }: WidgetProps & { text: string }) {
  const id = useId();
  return (
    <p className="quiz-short">
      <label htmlFor={id}>Your answer </label>
      <input id={id} type="text" value={text} onChange={(e) => onChange({ type: 'short', text: e.target.value })} readOnly={locked} spellCheck={false} autoComplete="off" />
    </p>
  );
}
