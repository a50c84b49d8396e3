/**
 * Reading settings: how the article is set for this reader (text size, spacing, font, width,
 * focus mode), as CSS custom properties on the article's element. This module holds the options
 * and the mapping only; the store (reading-settings-store.ts) and the panel load lazily.
 */

export const TEXT_SIZES = {
  '90': { label: '90%', scale: '0.9' },
  '100': { label: '100% (standard)', scale: '1' },
  '125': { label: '125%', scale: '1.25' },
  '150': { label: '150%', scale: '1.5' },
  '175': { label: '175%', scale: '1.75' },
  '200': { label: '200%', scale: '2' },
} as const;

export const LINE_SPACINGS = {
  snug: { label: 'Snug', leading: '1.5' },
  standard: { label: 'Standard', leading: '1.7' },
  loose: { label: 'Loose', leading: '2' },
  loosest: { label: 'Loosest', leading: '2.4' },
} as const;

/** The wide steps meet WCAG 1.4.12's text-spacing figures (0.12em letters, 0.16em words). */
export const LETTER_SPACINGS = {
  standard: { label: 'Standard', letters: 'normal', words: 'normal' },
  wide: { label: 'Wide', letters: '0.06em', words: '0.08em' },
  wider: { label: 'Wider', letters: '0.12em', words: '0.16em' },
} as const;

export const READING_FONTS = {
  standard: { label: 'Literata (standard)', family: 'var(--font-reading)' },
  hyperlegible: {
    label: 'Atkinson Hyperlegible',
    family: "'Atkinson Hyperlegible', var(--font-ui)",
  },
  sans: { label: 'Plain sans-serif', family: 'var(--font-ui)' },
} as const;

export const PAGE_WIDTHS = {
  narrow: { label: 'Narrow', measure: '45ch' },
  standard: { label: 'Standard', measure: '65ch' },
  wide: { label: 'Wide', measure: '85ch' },
} as const;

export interface ReadingSettings {
  textSize: keyof typeof TEXT_SIZES;
  lineSpacing: keyof typeof LINE_SPACINGS;
  letterSpacing: keyof typeof LETTER_SPACINGS;
  font: keyof typeof READING_FONTS;
  pageWidth: keyof typeof PAGE_WIDTHS;
  focusMode: boolean;
}

export const DEFAULT_READING_SETTINGS: ReadingSettings = {
  textSize: '100',
  lineSpacing: 'standard',
  letterSpacing: 'standard',
  font: 'standard',
  pageWidth: 'standard',
  focusMode: false,
};

/**
 * The custom properties that set an article for these settings. Values come from the tables
 * above only, so a hand-edited localStorage cannot put arbitrary CSS on the page: an unknown
 * option is the standard one.
 */
export function toReadingProperties(settings: ReadingSettings): Record<string, string> {
  const size = TEXT_SIZES[settings.textSize] ?? TEXT_SIZES['100'];
  const leading = LINE_SPACINGS[settings.lineSpacing] ?? LINE_SPACINGS.standard;
  const spacing = LETTER_SPACINGS[settings.letterSpacing] ?? LETTER_SPACINGS.standard;
  const font = READING_FONTS[settings.font] ?? READING_FONTS.standard;
  const width = PAGE_WIDTHS[settings.pageWidth] ?? PAGE_WIDTHS.standard;
  return {
    '--reading-scale': size.scale,
    '--reading-leading': leading.leading,
    '--reading-letter-spacing': spacing.letters,
    '--reading-word-spacing': spacing.words,
    '--reading-font': font.family,
    '--reading-measure': width.measure,
  };
}
