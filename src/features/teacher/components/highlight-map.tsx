import { Fragment, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { formatCount } from '../../../domain/plural';
import { getHref } from '../../../lib/paths';
import {
  describeQuestionNumbers,
  describeSentenceHeat,
  heatLevelOf,
  summariseHighlightMap,
  type ClassHighlightMap,
  type SentenceHeat,
} from '../statistics-labels';

/** The DOM id of a sentence in the map, which the summary's links go to. */
function heatSentenceId(sentenceId: string): string {
  return `heat-${sentenceId}`;
}

/**
 * Moves focus to the sentence a summary link names (focusing scrolls the map to it), rather than
 * changing the address's hash, which the router owns.
 */
function goToSentence(event: MouseEvent<HTMLAnchorElement>, sentenceId: string) {
  const target = document.getElementById(heatSentenceId(sentenceId));
  if (!target) return;
  event.preventDefault();
  target.focus();
}

function SentenceLink({ sentence }: { sentence: SentenceHeat }) {
  return (
    <a
      href={`#${heatSentenceId(sentence.id)}`}
      onClick={(event) => goToSentence(event, sentence.id)}
    >
      {sentence.id}
    </a>
  );
}

/**
 * One sentence of the map: shaded by how many students highlighted it, underlined when a question
 * needs it, and followed by its counts. The counts are drawn short for the eye ("2", "Q3") and
 * said in full to screen readers, so nothing depends on telling the shades apart.
 */
function HeatSentence({
  sentence,
  studentCount,
}: {
  sentence: SentenceHeat;
  studentCount: number;
}) {
  const level = heatLevelOf(sentence.studentCount, studentCount);
  const evidence = sentence.questionNumbers.length > 0;
  const marked = sentence.studentCount > 0 || evidence;
  return (
    <span
      id={heatSentenceId(sentence.id)}
      className={`heat-sentence heat-level-${level}${evidence ? ' is-evidence' : ''}`}
      tabIndex={-1}
    >
      {sentence.text}
      {marked && (
        <>
          {' '}
          <span className="heat-counts" aria-hidden="true">
            {sentence.studentCount > 0 && (
              <span className="heat-count">{sentence.studentCount}</span>
            )}
            {sentence.questionNumbers.map((number) => (
              <span key={number} className="heat-question">
                Q{number}
              </span>
            ))}
          </span>
          <span className="visually-hidden">
            ({sentence.id}: {describeSentenceHeat(sentence, studentCount)})
          </span>
        </>
      )}
    </span>
  );
}

/** Whom the counts are over, and how many of them highlighted anything. */
function describeClass({ studentCount, highlighterCount }: ClassHighlightMap): string {
  if (studentCount === 0) {
    return 'No attempt analysed is submitted yet: the counts fill in as students submit.';
  }
  const who = `Of the ${formatCount(studentCount, 'student')} with a submitted attempt analysed,`;
  return highlighterCount === 0
    ? `${who} none highlighted anything.`
    : `${who} ${highlighterCount} highlighted something.`;
}

/**
 * The class's highlights over the article beside the sentences the questions need: a short
 * summary to act on (evidence nobody highlighted, what the class marked most), then the article
 * with each sentence shaded by how many students highlighted it. The article scrolls in a box of
 * its own, one tab stop, so the page below stays a few keys away.
 */
export function HighlightMap({
  map,
  assignmentId,
}: {
  map: ClassHighlightMap;
  assignmentId: string;
}) {
  const { missedEvidence, mostHighlighted } = summariseHighlightMap(map);
  const off = !map.allowHighlights;

  return (
    <section aria-labelledby="highlight-map-heading" className="highlight-map">
      <h2 id="highlight-map-heading">What the class highlighted</h2>
      {off && (
        <p className="notice">
          Highlights are turned off for this assignment, so students cannot highlight the article
          {map.highlighterCount > 0
            ? ' now; the map shows what they highlighted before.'
            : '.'}{' '}
          <Link to={getHref.editAssignment(assignmentId)}>Change the assignment’s settings</Link>
        </p>
      )}
      {(!off || map.highlighterCount > 0) && (
        <>
          <p className="muted">{describeClass(map)} Attempts in progress count once submitted.</p>
          {map.studentCount > 0 && map.highlighterCount > 0 && (
            <div className="highlight-summary">
              <div>
                <h3>Evidence nobody highlighted</h3>
                {missedEvidence.length === 0 ? (
                  <p>Every sentence the questions need was highlighted by at least one student.</p>
                ) : (
                  <ul className="heat-summary-list">
                    {missedEvidence.map((sentence) => (
                      <li key={sentence.id}>
                        <SentenceLink sentence={sentence} /> (
                        {describeQuestionNumbers(sentence.questionNumbers)}): “{sentence.text}”
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div>
                <h3>Most highlighted</h3>
                <ul className="heat-summary-list">
                  {mostHighlighted.map((sentence) => (
                    <li key={sentence.id}>
                      <SentenceLink sentence={sentence} />:{' '}
                      {describeSentenceHeat(sentence, map.studentCount)}
                      {sentence.questionNumbers.length === 0 && ' · no question needs it'}. “
                      {sentence.text}”
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          )}
          <h3 id="heat-map-heading">The article, sentence by sentence</h3>
          <ul className="heat-legend" aria-label="How to read the map">
            <li>
              <span className="heat-count" aria-hidden="true">
                2
              </span>{' '}
              students who highlighted the sentence; the more of the class, the darker its shading
            </li>
            <li>
              <span className="heat-question" aria-hidden="true">
                Q3
              </span>{' '}
              <span className="is-evidence">underlined</span>: evidence for question 3
            </li>
          </ul>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box must take focus to scroll by keyboard */}
          <div className="heat-map" role="region" aria-labelledby="heat-map-heading" tabIndex={0}>
            {map.sections.map((section) => (
              <div key={section.id}>
                {section.heading && <h4>{section.heading}</h4>}
                {section.paragraphs.map((paragraph) => (
                  <p key={paragraph.id}>
                    <span className="heat-paragraph-id">{paragraph.id}</span>{' '}
                    {paragraph.sentences.map((sentence, index) => (
                      <Fragment key={sentence.id}>
                        {index > 0 && ' '}
                        <HeatSentence sentence={sentence} studentCount={map.studentCount} />
                      </Fragment>
                    ))}
                  </p>
                ))}
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
