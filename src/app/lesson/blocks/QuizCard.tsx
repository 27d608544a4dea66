// One quiz item: the question, a widget for its type, and after answering the verdict with the
// explanation. The engine's grader decides; predictions are graded against what the engine does.
import { useId, useState } from 'react';
import { gradeQuiz } from '../../../engine/lesson/grade-quiz.ts';
import type { QuizItem } from '../../../engine/lesson/types.ts';
import { useProgress } from '../../progress/progress-store.ts';
import type { QuizProgress } from '../../progress/progress.ts';
import type { LessonLoad } from '../course-store.ts';
import { Markdown } from '../Markdown.tsx';
import { playPrediction, predictionRequest } from '../play-prediction.ts';
import { draftAnswer, draftFromAnswer, emptyDraft, type QuizDraft } from '../quiz-answer.ts';
import { QuizWidget } from './QuizWidgets.tsx';

type Predictions = Extract<LessonLoad, { status: 'ready' }>['predictions'];

interface QuizCardProps {
  lessonId: string;
  item: QuizItem;
  files: Record<string, string>;
  predictions: Predictions;
}

const TYPE_LABEL: Record<QuizItem['type'], string> = {
  single: 'Pick one',
  multiple: 'Pick every true answer',
  ordering: 'Put in order',
  short: 'Type the answer',
  predict: 'Predict the outcome',
};

/** One quiz item; its saved answer (if any) shows again after a reload. */
export function QuizCard(props: QuizCardProps) {
  const saved = useProgress((s) => s.lessons[props.lessonId]?.quizzes[props.item.id]);
  // A reset (saved answer gone) or a new answer starts the widget afresh.
  return <QuizBody key={saved ? `answered-${saved.attempts}` : 'new'} {...props} saved={saved} />;
}

function QuizBody({ lessonId, item, files, predictions, saved }: QuizCardProps & { saved?: QuizProgress }) {
  const [draft, setDraft] = useState<QuizDraft>(() => (saved ? draftFromAnswer(item, saved.answer) : emptyDraft(item)));
  const [retrying, setRetrying] = useState(false);
  const [playing, setPlaying] = useState(false);
  const promptId = useId();
  const waitingForEngine = item.type === 'predict' && !item.prediction;
  const answered = saved !== undefined && !retrying && !waitingForEngine;
  const grade = answered ? gradeQuiz(item, saved.answer) : undefined;
  const answer = draftAnswer(item, draft);

  const submit = () => {
    if (answer === undefined || waitingForEngine) return;
    const result = gradeQuiz(item, answer);
    useProgress.getState().dispatch({ type: 'quizAnswered', lesson: lessonId, quiz: item.id, answer, correct: result.correct });
  };
  const play = async () => {
    if (item.type !== 'predict') return;
    setPlaying(true);
    try {
      await playPrediction(lessonId, item, files);
    } finally {
      setPlaying(false);
    }
  };

  return (
    <section className={`lesson-card quiz-card${grade ? (grade.correct ? ' is-right' : ' is-wrong') : ''}`} aria-labelledby={promptId} data-testid={`quiz-${item.id}`}>
      <p className="card-kicker">
        <span aria-hidden="true">? </span>
        {TYPE_LABEL[item.type]}
      </p>
      <div id={promptId} className="quiz-prompt">
        <Markdown text={item.prompt} headingShift={2} />
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {waitingForEngine ? (
          <p className="muted" aria-busy={predictions === 'pending'}>
            {predictions === 'pending' ? 'The engine is working out what happens…' : 'The engine could not answer this prediction (see the problems above).'}
          </p>
        ) : (
          <QuizWidget item={item} draft={draft} onChange={setDraft} labelledBy={promptId} locked={answered} grade={grade} />
        )}
        {!answered && !waitingForEngine && (
          <div className="button-row">
            <button type="submit" className="primary" disabled={answer === undefined}>
              {item.type === 'predict' ? (answer !== undefined && Array.isArray(answer) && answer.length === 0 ? 'Predict: none of them' : 'Lock in my prediction') : 'Check answer'}
            </button>
          </div>
        )}
      </form>
      {grade && (
        <div className="quiz-feedback" role="status">
          <p className={`quiz-verdict ${grade.correct ? 'status-ok' : 'status-bad'}`}>
            <span aria-hidden="true">{grade.correct ? '✓ ' : '✕ '}</span>
            {grade.correct ? 'Right.' : 'Not quite.'}
          </p>
          {!grade.correct && (
            <div className="quiz-answer">
              <strong>The answer: </strong>
              {item.type === 'ordering' ? (
                <ol>
                  {item.steps.map((s, i) => (
                    <li key={i}>
                      <Markdown text={s} inline />
                    </li>
                  ))}
                </ol>
              ) : (
                <Markdown text={grade.answer} inline />
              )}
            </div>
          )}
          <Markdown text={grade.explanation} headingShift={2} />
          <div className="button-row">
            {item.type === 'predict' && (
              <button type="button" className="primary" onClick={() => void play()} disabled={playing}>
                <span aria-hidden="true">▶ </span>
                {predictionRequest(item) ? 'Play it' : 'Show it in the workspace'}
              </button>
            )}
            {!grade.correct && (
              <button
                type="button"
                onClick={() => {
                  setDraft(emptyDraft(item));
                  setRetrying(true);
                }}
              >
                Try again
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
