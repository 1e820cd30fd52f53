'use client';
/**
 * Where the connections went: the top destinations (ip:port) and the rest as "other", as a
 * horizontal bar chart and, for reading and for assistive technology, as a table.
 */
import { useMemo } from 'react';
import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { EsqlValue } from '@/lib/model/esql';
import { formatShare, type DestinationBreakdown as Breakdown } from '@/lib/view/events/destinations';
import { truncate, valueText } from '@/lib/view/events/display-text';
import { plural } from '@/lib/view/text/plural';
import { CellValue } from '@/components/CellValue';

export interface DestinationBreakdownProps {
  breakdown: Breakdown;
  noun?: string;
}

interface Datum {
  label: string;
  count: number;
  share: string;
}

/** `1.2.3.4:443`, `[2001:db8::1]:443`, as inert text for the chart's axis. */
export function destinationLabel(ip: EsqlValue, port: EsqlValue): string {
  const host = valueText(ip);
  const bracketed = typeof ip === 'string' && ip.includes(':') ? `[${host}]` : host;
  return port === null ? bracketed : `${bracketed}:${valueText(port)}`;
}

export function DestinationBreakdown({ breakdown, noun = 'connections' }: DestinationBreakdownProps) {
  const data = useMemo<Datum[]>(() => {
    const rows = breakdown.top.map((d) => ({ label: truncate(destinationLabel(d.ip, d.port), 28), count: d.count, share: formatShare(d.share) }));
    if (breakdown.other) rows.push({ label: `Other (${breakdown.other.destinations})`, count: breakdown.other.count, share: formatShare(breakdown.other.share) });
    return rows;
  }, [breakdown]);

  if (!breakdown.available) {
    return (
      <figure className="events-chart destinations">
        <figcaption className="events-chart-title">Destinations</figcaption>
        <p className="muted">These events have no destination.ip or destination.port.</p>
      </figure>
    );
  }
  const top = breakdown.top[0];
  const label = top
    ? `${plural(breakdown.top.length + (breakdown.other ? breakdown.other.destinations : 0), 'destination')}; the most frequent is ${destinationLabel(top.ip, top.port)} with ${plural(top.count, noun.replace(/s$/, ''), noun)} (${formatShare(top.share)})`
    : `No ${noun}`;

  return (
    <figure className="events-chart destinations">
      <figcaption className="events-chart-title">Top destinations</figcaption>
      {data.length > 0 && (
        <div role="img" aria-label={label} className="events-chart-body" style={{ height: data.length * 22 + 16 }}>
          <BarChart data={data} layout="vertical" responsive style={{ width: '100%', height: data.length * 22 + 16 }} margin={{ top: 0, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false} barCategoryGap={3}>
            <XAxis type="number" hide allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={170} tickLine={false} stroke="var(--border)" tick={{ fill: 'var(--muted)', fontSize: 11 }} interval={0} />
            <Tooltip
              cursor={{ fill: 'var(--border)', opacity: 0.4 }}
              formatter={(value, _name, item) => [`${String(value)} (${(item.payload as Datum).share})`, noun]}
              contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)', fontSize: 12 }}
            />
            <Bar dataKey="count" fill="var(--accent)" isAnimationActive={false} />
          </BarChart>
        </div>
      )}
      <table className="destinations-table" aria-label="Connections by destination">
        <thead>
          <tr>
            <th scope="col">Destination</th>
            <th scope="col" className="num">
              Port
            </th>
            <th scope="col" className="num">
              Connections
            </th>
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {breakdown.top.map((d) => (
            <tr key={JSON.stringify([d.ip, d.port])}>
              <td>
                <CellValue value={d.ip} type="ip" />
              </td>
              <td className="num">
                <CellValue value={d.port} type="long" />
              </td>
              <td className="num">{d.count.toLocaleString('en-US')}</td>
              <td className="num">{formatShare(d.share)}</td>
            </tr>
          ))}
          {breakdown.other && (
            <tr className="muted">
              <td colSpan={2}>Other ({plural(breakdown.other.destinations, 'destination')})</td>
              <td className="num">{breakdown.other.count.toLocaleString('en-US')}</td>
              <td className="num">{formatShare(breakdown.other.share)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </figure>
  );
}
