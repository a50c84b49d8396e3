import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  LETTER_SPACINGS,
  LINE_SPACINGS,
  PAGE_WIDTHS,
  READING_FONTS,
  TEXT_SIZES,
  type ReadingSettings,
} from './reading-settings';
import { useReadingSettings } from './reading-settings-store';
import './reading-settings.css';

// The article loads this one chunk both to open the panel and to apply stored settings.
export { attachReadingSettings } from './reading-settings-store';

type ChoiceKey = Exclude<keyof ReadingSettings, 'focusMode'>;

const CHOICES: {
  key: ChoiceKey;
  label: string;
  hint?: string;
  options: Record<string, { label: string }>;
}[] = [
  { key: 'textSize', label: 'Text size', options: TEXT_SIZES },
  { key: 'lineSpacing', label: 'Line spacing', options: LINE_SPACINGS },
  { key: 'letterSpacing', label: 'Letter spacing', options: LETTER_SPACINGS },
  {
    key: 'font',
    label: 'Font',
    hint: 'Atkinson Hyperlegible makes letters such as I, l and 1 easy to tell apart.',
    options: READING_FONTS,
  },
  { key: 'pageWidth', label: 'Page width', options: PAGE_WIDTHS },
];

/**
 * The reading settings' controls, loaded on first opening (ArticleView). Each change goes to the
 * store, which sets the article's custom properties itself (attachReadingSettings).
 */
export function ReadingSettingsPanel() {
  const id = useId();
  const settings = useReadingSettings(
    useShallow(({ change: _change, reset: _reset, ...values }) => values),
  );
  const change = useReadingSettings((state) => state.change);
  const reset = useReadingSettings((state) => state.reset);
  const [status, setStatus] = useState('');

  return (
    <div className="article-tool-panel reading-settings-panel">
      <div className="reading-settings-fields">
        {CHOICES.map(({ key, label, hint, options }) => (
          <div className="field" key={key}>
            <label className="field-label" htmlFor={`${id}-${key}`}>
              {label}
            </label>
            <select
              id={`${id}-${key}`}
              className="select-input"
              aria-describedby={hint ? `${id}-${key}-hint` : undefined}
              value={settings[key]}
              onChange={(event) => {
                change(key, event.target.value as ReadingSettings[typeof key]);
                setStatus('');
              }}
            >
              {Object.entries(options).map(([value, option]) => (
                <option key={value} value={value}>
                  {option.label}
                </option>
              ))}
            </select>
            {hint && (
              <p className="field-hint" id={`${id}-${key}-hint`}>
                {hint}
              </p>
            )}
          </div>
        ))}
      </div>
      <label className="reading-settings-check">
        <input
          type="checkbox"
          checked={settings.focusMode}
          onChange={(event) => {
            change('focusMode', event.target.checked);
            setStatus(
              event.target.checked
                ? 'Focus mode on: the paragraph you are reading stands out, the others are dimmed.'
                : 'Focus mode off.',
            );
          }}
        />
        Focus mode: dim all but the paragraph I am reading
      </label>
      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            reset();
            setStatus('Reading settings are back to the standard ones.');
          }}
        >
          Reset reading settings
        </button>
        <p className="reading-settings-status" role="status">
          {status}
        </p>
      </div>
      <p className="field-hint">Remembered on this device, for every article.</p>
    </div>
  );
}
