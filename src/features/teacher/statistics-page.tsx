import { useId, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/load-error';
import { assignmentApi } from '../../lib/assignment-api-client';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource, type Resource } from '../../lib/use-resource';
import { HighlightMap } from './components/highlight-map';
import { ItemStatisticsCard } from './components/item-statistics';
import { RegradeHistory, TypedAnswerTable } from './components/regrade';
import { ScoreHistogram } from './components/score-histogram';
import { SkillTable } from './components/skill-table';
import { TeacherLoadError } from './components/teacher-load-error';
import { HISTORY, useRegrade } from './hooks/use-regrade';
import { describeAcceptEffect, describeAnswerPlace } from './regrade-labels';
import { describeReliability, formatRatio } from './statistics-labels';
import { formatPercent } from './teacher-labels';
import { Detail } from '../../components/detail';
import { formatCount } from '../../domain/plural';

type Include = 'all' | 'counted';

/** Item analysis of an assignment: test figures, the score histogram, skills and every question. */
export function StatisticsPage() {
  const { assignmentId = '' } = useParams();
  const [include, setInclude] = useState<Include>('all');
  const includeId = useId();
  const assignment = useResource({
    key: `assignment:${assignmentId}`,
    load: () => assignmentApi.getAssignment(assignmentId),
  });
  const statistics = useResource({
    key: `statistics:${assignmentId}:${include}`,
    load: () => assignmentApi.getStatistics(assignmentId, include),
  });
  const { reload } = statistics;
  // After a regrade the figures load again behind the ones shown, so nothing jumps or loses focus.
  const resource = useKeptWhileReloading(statistics.resource, include);
  const regrade = useRegrade(assignmentId, reload);
  const title = assignment.resource.status === 'ready' ? assignment.resource.data.title : null;
  useDocumentTitle(title ? `Statistics: ${title}` : 'Statistics');

  return (
    <div className="statistics-page">
      <p className="breadcrumb">
        <Link to={getHref.assignment(assignmentId)}>← {title ?? 'The assignment'}</Link>
      </p>
      <h1>Statistics{title && `: ${title}`}</h1>
      <div className="field">
        <label className="field-label" htmlFor={includeId}>
          Attempts analysed
        </label>
        <select
          id={includeId}
          className="select-input"
          value={include}
          onChange={(event) => setInclude(event.target.value as Include)}
        >
          <option value="all">Every submitted attempt</option>
          <option value="counted">Only each student’s counted attempt</option>
        </select>
      </div>
      {resource.status === 'loading' && <Loading label="Working out the statistics…" />}
      {resource.status === 'error' && <TeacherLoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          {resource.data.attemptCount === 0 && (
            <p className="notice">No attempt is submitted yet: the figures fill in as they are.</p>
          )}
          <section aria-labelledby="test-heading" className="statistics-columns">
            <h2 id="test-heading" className="visually-hidden">
              The whole test
            </h2>
            <div className="card">
              <dl className="test-figures">
                <Detail term="Attempts">{resource.data.attemptCount}</Detail>
                <Detail term="Mean">{formatPercent(resource.data.meanPercent)}</Detail>
                <Detail term="Median">{formatPercent(resource.data.medianPercent)}</Detail>
                <Detail term="Standard deviation">
                  {resource.data.standardDeviation === null
                    ? '–'
                    : `${formatRatio(resource.data.standardDeviation)} points of percent`}
                </Detail>
                <div>
                  <dt>Cronbach’s alpha</dt>
                  <Reliability
                    alpha={resource.data.cronbachAlpha}
                    attemptCount={resource.data.attemptCount}
                  />
                </div>
              </dl>
            </div>
            <div className="card">
              <ScoreHistogram bins={resource.data.histogram} />
            </div>
          </section>
          <SkillTable
            scoreHeading="Mean score"
            rows={resource.data.skills.map(({ skill, questionCount, meanPercent }) => ({
              skill,
              questionCount,
              score: formatPercent(meanPercent),
            }))}
          />
          <HighlightMap map={resource.data.highlightMap} assignmentId={assignmentId} />
          <section aria-labelledby="items-heading">
            <h2 id="items-heading">Question by question</h2>
            <p className="muted">
              Facility is the share of the marks the class earned. Discrimination (from −1 to 1)
              says whether students who did well overall did well on this question.
            </p>
            <div className="item-list">
              {resource.data.items.map((item, index) => {
                const typed = resource.data.typedAnswers.filter(
                  (tally) => tally.questionId === item.questionId,
                );
                const takesTypedAnswer =
                  item.type === 'short' || (item.type === 'cloze' && typed.length > 0);
                return (
                  <ItemStatisticsCard key={item.questionId} item={item} number={index + 1}>
                    {takesTypedAnswer && (
                      <TypedAnswerTable
                        number={index + 1}
                        answers={typed}
                        history={regrade.history}
                        status={regrade.statusAt(item.questionId)}
                        problem={regrade.problemAt(item.questionId)}
                        onAccept={(tally) => regrade.askToAccept(tally, index + 1)}
                        onUndo={(acceptance) => regrade.undo(acceptance, item.questionId)}
                      />
                    )}
                  </ItemStatisticsCard>
                );
              })}
            </div>
          </section>
        </>
      )}
      {regrade.history !== null && (
        <RegradeHistory
          history={regrade.history}
          status={regrade.statusAt(HISTORY)}
          problem={regrade.problemAt(HISTORY)}
          headingRef={regrade.historyHeadingRef}
          onUndo={(acceptance) => regrade.undo(acceptance, HISTORY)}
        />
      )}
      {regrade.historyResource.status === 'error' && (
        <section aria-labelledby="regrade-history-heading">
          <h2 id="regrade-history-heading">Regrade history</h2>
          <TeacherLoadError error={regrade.historyResource.error} onRetry={regrade.reloadHistory} />
        </section>
      )}
      <ConfirmDialog
        open={regrade.pending !== null}
        title={
          regrade.pending === null
            ? 'Accept this answer?'
            : `Accept “${regrade.pending.tally.answer}” for ${describeAnswerPlace(regrade.pending.questionNumber, regrade.pending.tally.gapNumber)}?`
        }
        confirmLabel={
          regrade.pending === null
            ? 'Accept and regrade'
            : `Accept and regrade ${formatCount(regrade.pending.tally.count, 'attempt')}`
        }
        onConfirm={regrade.confirm}
        onCancel={regrade.cancel}
      >
        {regrade.pending && <p>{describeAcceptEffect(regrade.pending.tally)}</p>}
      </ConfirmDialog>
    </div>
  );
}

/**
 * The resource, or while it loads again for the same `scope` the data it had: a reload after a
 * regrade keeps the page in place, while a new scope (another choice of attempts) shows loading.
 */
function useKeptWhileReloading<T>(resource: Resource<T>, scope: string): Resource<T> {
  const [kept, setKept] = useState<{ scope: string; data: T } | null>(null);
  if (resource.status === 'ready' && (kept?.data !== resource.data || kept.scope !== scope)) {
    setKept({ scope, data: resource.data });
  }
  if (resource.status === 'loading' && kept?.scope === scope) {
    return { status: 'ready', data: kept.data };
  }
  return resource;
}

function Reliability({ alpha, attemptCount }: { alpha: number | null; attemptCount: number }) {
  const { value, note } = describeReliability(alpha, attemptCount);
  return (
    <dd>
      {value} <span className="muted figure-note">({note})</span>
    </dd>
  );
}
