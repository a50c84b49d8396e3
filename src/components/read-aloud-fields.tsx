import { useId } from 'react';
import { READ_ALOUD_RATES } from '../domain/read-aloud';
import type { SpeechVoice } from './read-aloud-engine';
import { useReadAloudSettings } from './read-aloud-store';

function formatRate(rate: number): string {
  return `${rate}×`;
}

/**
 * Read-aloud's speed and voice, remembered on this device (read-aloud-store.ts): the same two
 * fields in the article's player and in a quiz question's.
 */
export function ReadAloudFields({
  voices,
  voice,
  rate,
}: {
  voices: SpeechVoice[];
  voice: SpeechVoice | undefined;
  rate: number;
}) {
  const id = useId();
  const setRate = useReadAloudSettings((settings) => settings.setRate);
  const setVoice = useReadAloudSettings((settings) => settings.setVoice);
  return (
    <div className="read-aloud-fields">
      <div className="field">
        <label className="field-label" htmlFor={`${id}-rate`}>
          Speed
        </label>
        <select
          id={`${id}-rate`}
          className="select-input"
          value={rate}
          onChange={(event) => setRate(Number(event.target.value))}
        >
          {READ_ALOUD_RATES.map((option) => (
            <option key={option} value={option}>
              {formatRate(option)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-voice`}>
          Voice
        </label>
        <select
          id={`${id}-voice`}
          className="select-input"
          value={voice?.id ?? ''}
          onChange={(event) => setVoice(event.target.value)}
        >
          {voices.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name} ({option.lang})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
