/**
 * A finding's events as a bundle saved them: a plain, accessible table (the bundle has no live
 * query to sort or page through). Every cell goes through CellValue: the values are attacker-controlled.
 */
import { CellValue, InertText } from '@/components/CellValue';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';

export interface SavedEventsTableProps {
  findingKey: string;
  columns: EsqlColumn[];
  values: EsqlValue[][];
}

export function SavedEventsTable({ findingKey, columns, values }: SavedEventsTableProps) {
  return (
    <div className="bundle-events-scroll">
      <table aria-label={`Events from the bundle, ${findingKey}`}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.name} scope="col">
                <InertText text={c.name} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {values.map((row, i) => (
            <tr key={i}>
              {columns.map((c, j) => (
                <td key={c.name}>
                  <CellValue value={row[j] ?? null} type={c.type} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
