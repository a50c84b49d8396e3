/** The quiz's keyboard shortcuts, listed on the page (see `use-quiz-shortcuts.ts`). */
export function ShortcutsHelp() {
  return (
    <section className="shortcuts-help" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
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
    </section>
  );
}
