import type { ReactNode } from "react";
import type { Column } from "@/app/_components/ui";

/** A DataTable column titled `title`: its header, and each value's label when the table becomes a list. */
export function column<Row>(key: string, title: string, cell: (row: Row) => ReactNode): Column<Row> {
  return { key, header: title, label: title, cell };
}

/** A column of numbers (right-aligned, tabular figures). */
export function numericColumn<Row>(key: string, title: string, cell: (row: Row) => ReactNode): Column<Row> {
  return { ...column(key, title, cell), numeric: true };
}
