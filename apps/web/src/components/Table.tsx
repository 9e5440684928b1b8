import type { ReactNode, TableHTMLAttributes } from "react";

/**
 * A table in DKFDS's pattern: the column heads once, the rows as children, inside the wrapper
 * that lets a wide table scroll on a narrow screen (`wrap`; false for none). A caption only
 * a screen reader reads names the table where the page's heading does not.
 */
export function Table({
  columns,
  caption,
  wrap = "table-wrap",
  className = "table cases",
  children,
  ...table
}: TableHTMLAttributes<HTMLTableElement> & { columns: string[]; caption?: string; wrap?: string | false; children: ReactNode }) {
  const element = (
    <table className={className} {...table}>
      {caption !== undefined && <caption className="sr-only">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return wrap ? <div className={wrap}>{element}</div> : element;
}
