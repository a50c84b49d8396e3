import { describe, expect, it } from 'vitest';
import { countWords, splitSentences } from '../../src/domain/sentences';

function sentencesOf(text: string): string[] {
  return splitSentences(text).map((span) => span.text);
}

describe('splitSentences', () => {
  it('keeps "U.S. President Donald Trump" inside one sentence of the article', () => {
    const paragraph =
      'Putin’s visit to Kursk followed a phone call with U.S. President Donald Trump on Monday, in which he refused to commit to a 30-day ceasefire proposed by Washington and Kyiv.';
    expect(sentencesOf(paragraph)).toEqual([paragraph]);
  });

  it('splits the article’s eighth paragraph into its two sentences', () => {
    const first =
      'Last August, Ukrainian forces launched a rapid and unexpected incursion into Kursk, capturing territory in an unprecedented move that stunned Russian command.';
    const second =
      'It was the first time since the Second World War that a foreign military had taken ground inside Russia.';
    expect(sentencesOf(`${first} ${second}`)).toEqual([first, second]);
  });

  it('does not break after initials', () => {
    expect(sentencesOf('J. R. R. Tolkien wrote The Hobbit. It was published in 1937.')).toEqual([
      'J. R. R. Tolkien wrote The Hobbit.',
      'It was published in 1937.',
    ]);
  });

  it('does not break after titles such as Mr. and Dr.', () => {
    expect(sentencesOf('Mr. Smith went to Washington. Dr. Jones stayed home.')).toEqual([
      'Mr. Smith went to Washington.',
      'Dr. Jones stayed home.',
    ]);
  });

  it('does not break inside dotted acronyms', () => {
    expect(sentencesOf('The U.K. and the U.S. agreed. Then they met again.')).toEqual([
      'The U.K. and the U.S. agreed.',
      'Then they met again.',
    ]);
  });

  it('keeps a quotation and its attribution together', () => {
    const quote =
      '“We are continuing our active operations in the Kursk and Belgorod regions – we are proactively defending Ukraine’s border areas,” Zelensky said last week.';
    expect(sentencesOf(quote)).toEqual([quote]);
    expect(sentencesOf('“We will win,” Zelensky said. “We will hold.” He left.')).toEqual([
      '“We will win,” Zelensky said.',
      '“We will hold.”',
      'He left.',
    ]);
  });

  it('breaks after question and exclamation marks', () => {
    expect(sentencesOf('Wait! What? Yes.')).toEqual(['Wait!', 'What?', 'Yes.']);
  });

  it('keeps text with no final punctuation as one sentence', () => {
    const text = 'No final punctuation here';
    expect(splitSentences(text)).toEqual([{ text, start: 0, end: text.length }]);
  });

  it('gives offsets that slice each sentence out of the text, without surrounding space', () => {
    const text = '  First one.   Second one!  ';
    const spans = splitSentences(text);
    expect(spans.map((span) => span.text)).toEqual(['First one.', 'Second one!']);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });
});

describe('countWords', () => {
  it.each([
    ['President Vladimir Putin visited Kursk', 5],
    ['long-range drones', 2],
    ['a 30-day ceasefire', 3],
    ['Moscow’s claims', 2],
    ['U.S. President', 2],
    ['63 of 76', 3],
    ['Russia — reportedly', 2],
    ['regions – we are', 3],
    ['', 0],
  ])('counts %j as %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});
