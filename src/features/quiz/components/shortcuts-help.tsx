import { useMediaQuery } from '../../../lib/use-media-query';

/** A touch screen as the main pointer: a phone or a tablet, where there is seldom a keyboard. */
const TOUCH_QUERY = '(pointer: coarse)';

/**
 * The quiz's keyboard shortcuts (see `use-quiz-shortcuts.ts`), folded so that they do not push
 * the question's buttons down, and left out on touch screens.
 */
export function ShortcutsHelp() {
  const touch = useMediaQuery(TOUCH_QUERY);
  if (touch) return null;
  return (
    <details className="shortcuts-help">
      <summary>Keyboard shortcuts</summary>
      <dl className="shortcut-list">
        <div>
          <dt>
            <kbd>Alt</kbd> + <kbd>N</kbd> or <kbd>]</kbd>
          </dt>
          <dd>Next question</dd>
        </div>
        <div>
          <dt>
            <kbd>Alt</kbd> + <kbd>P</kbd> or <kbd>[</kbd>
          </dt>
          <dd>Previous question</dd>
        </div>
        <div>
          <dt>
            <kbd>Alt</kbd> + <kbd>M</kbd>
          </dt>
          <dd>Flag or unflag the question for review</dd>
        </div>
      </dl>
      <p className="field-hint">
        <kbd>[</kbd> and <kbd>]</kbd> work when you are not typing in a text box. Tab moves between
        controls; Space or Enter presses a button or selects a sentence.
      </p>
    </details>
  );
}
