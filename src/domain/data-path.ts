/** A place in parsed YAML or JSON data, from its root: `['questions', 2, 'options', 0, 'text']`. */
export type DataPath = readonly (string | number)[];

/** What a problem points at: a value (or its parent mapping when the key is missing), or a key. */
export type PathTarget = 'value' | 'key';
