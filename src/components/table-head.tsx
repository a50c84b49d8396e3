/** A column heading: its words, or its words and a class ("numeric" aligns it with its figures). */
export type Column = string | { label: string; className: string };

/** The heading row of a data table, each heading naming its column (`scope="col"`). */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) =>
          typeof column === 'string' ? (
            <th key={column} scope="col">
              {column}
            </th>
          ) : (
            <th key={column.label} scope="col" className={column.className}>
              {column.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
