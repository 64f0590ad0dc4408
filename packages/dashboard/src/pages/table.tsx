export interface Column<Row> {
  label: string;
  value(row: Row): string;
  numeric?: boolean;
}

/** A plain table, or a line saying there is nothing to show. */
export function Table<Row>({
  columns,
  rows,
  empty = 'No data in this range.',
}: {
  columns: Column<Row>[];
  rows: readonly Row[];
  empty?: string;
}) {
  if (rows.length === 0) return <p class="muted">{empty}</p>;
  return (
    <table>
      <thead>
        <tr>
          {columns.map((c) => (
            <th class={c.numeric ? 'n' : undefined}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            {columns.map((c) => (
              <td class={c.numeric ? 'n' : undefined}>{c.value(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
