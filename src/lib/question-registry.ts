import { createElement, type ReactNode } from 'react';
import type { QuestionType } from '../domain/question-kinds';

/**
 * One entry per question type, each taking the items of its own type: the client's registries
 * (answer control, answer view, paper answer space, paper key, the text a question is about) are
 * typed so, and a type left out or one too many is a compile error. Two-part questions have an
 * entry too, which composes the entries of its parts.
 */
export type ByQuestionType<Item extends { type: QuestionType }, Props, Result> = {
  [T in QuestionType]: (props: Props & { item: Extract<Item, { type: T }> }) => Result;
};

/**
 * The entry for `item`'s type. TypeScript cannot tell that `registry[item.type]` takes exactly
 * `item` (a correlated union), so the one cast the registries need lives here.
 */
export function entryFor<Item extends { type: QuestionType }, Props, Result>(
  registry: ByQuestionType<Item, Props, Result>,
  item: Item,
): (props: Props & { item: Item }) => Result {
  return registry[item.type] as (props: Props & { item: Item }) => Result;
}

/** Renders the component a registry of components holds for `props.item`'s type. */
export function renderEntry<Item extends { type: QuestionType }, Props>(
  registry: ByQuestionType<Item, Props, ReactNode>,
  props: Props & { item: Item },
): ReactNode {
  return createElement(entryFor(registry, props.item), props);
}
