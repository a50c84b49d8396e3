import { describe, expect, it } from 'vitest';
import {
  describeNewResults,
  pageOf,
  sortGradebookRows,
} from '../../../src/features/teacher/gradebook-rows';
import { inProgressRow, makeGradebook, submittedRow } from './teacher-fixtures';

describe('sorting the gradebook', () => {
  const ann = submittedRow('ann Lee', 6, 7);
  const bo = submittedRow('Bo Chen', 9, 5);
  const cy = inProgressRow('Cy Diaz', 2);
  const names = (rows: { studentName: string }[]) => rows.map((row) => row.studentName);

  it('sorts names ignoring case, and keeps rows without a value last in both directions', () => {
    expect(
      names(sortGradebookRows([cy, bo, ann], { column: 'student', direction: 'ascending' })),
    ).toEqual(['ann Lee', 'Bo Chen', 'Cy Diaz']);
    for (const direction of ['ascending', 'descending'] as const) {
      expect(names(sortGradebookRows([cy, ann, bo], { column: 'score', direction })).at(-1)).toBe(
        'Cy Diaz',
      );
    }
    expect(
      names(sortGradebookRows([cy, ann, bo], { column: 'submittedAt', direction: 'descending' })),
    ).toEqual(['ann Lee', 'Bo Chen', 'Cy Diaz']);
  });

  it('does not change the rows it is given', () => {
    const rows = [bo, ann];
    sortGradebookRows(rows, { column: 'student', direction: 'ascending' });
    expect(names(rows)).toEqual(['Bo Chen', 'ann Lee']);
  });
});

describe('announcing new results', () => {
  it('says nothing on the first load or when nothing new was submitted', () => {
    const book = makeGradebook([submittedRow('Ann Lee', 6, 7)]);
    expect(describeNewResults(undefined, book)).toBeNull();
    expect(describeNewResults(book, book)).toBeNull();
  });

  it('names each new result, and counts them when there are many', () => {
    const started = inProgressRow('Bo Chen', 3);
    const before = makeGradebook([started]);
    const overdue = {
      ...submittedRow('Bo Chen', 3, 10),
      attemptId: started.attemptId,
      status: 'overdue' as const,
    };
    expect(describeNewResults(before, makeGradebook([overdue]))).toBe(
      'New result: Bo Chen 33.3% (time ran out).',
    );
    const many = makeGradebook(['A', 'B', 'C', 'D'].map((name) => submittedRow(name, 9, 5)));
    expect(describeNewResults(before, many)).toBe('4 new results.');
  });
});

describe('paging the gradebook', () => {
  const rows = Array.from({ length: 120 }, (_, index) => index + 1);

  it('shows a page of rows at a time and says which', () => {
    expect(pageOf(rows, 0, 50)).toMatchObject({ page: 0, pageCount: 3, first: 1, last: 50 });
    const last = pageOf(rows, 2, 50);
    expect(last).toMatchObject({ page: 2, first: 101, last: 120, total: 120 });
    expect(last.rows).toEqual(rows.slice(100));
  });

  it('keeps the page within the pages there are when rows go away', () => {
    expect(pageOf(rows.slice(0, 10), 2, 50)).toMatchObject({ page: 0, first: 1, last: 10 });
    expect(pageOf([], 1, 50)).toMatchObject({ page: 0, pageCount: 1, first: 0, last: 0 });
  });
});
