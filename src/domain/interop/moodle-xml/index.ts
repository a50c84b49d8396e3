/**
 * Moodle XML in and out (issue 14; the mapping is in docs/interop-moodle-xml.md). The registries
 * keyed by question type are `export-types.ts` (ours to Moodle's) and `import-types.ts` (Moodle's
 * to ours).
 */
export { exportMoodleXml } from './export-moodle-xml';
export { importMoodleXml } from './import-moodle-xml';
export { MoodleXmlError } from './read-xml';
