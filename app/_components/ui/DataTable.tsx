import type { ReactNode } from "react";

export interface Column<Row> {
  key: string;
  header: ReactNode;
  /** Plain text of the header, shown as the label of each value when the table becomes a list. */
  label: string;
  cell: (row: Row) => ReactNode;
  /** Numbers: right-aligned, tabular figures. */
  numeric?: boolean;
}

interface DataTableProps<Row> {
  caption: ReactNode;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  "data-testid"?: string;
}

/**
 * A table on wide screens and a list of labelled cards on phones (below 40rem, pure CSS: each
 * cell shows its column's label). The first column is the row's header. Works without JavaScript.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, ...rest }: DataTableProps<Row>) {
  const [first, ...others] = columns;
  return (
    <div className="data-table">
      <table data-testid={rest["data-testid"]}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? "num" : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {first && (
                <th scope="row" data-label={first.label}>
                  {first.cell(row)}
                </th>
              )}
              {others.map((column) => (
                <td key={column.key} data-label={column.label} className={column.numeric ? "num" : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
