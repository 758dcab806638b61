'use client';

import { useSyncExternalStore } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartRow {
  name: string;
  hours: number;
  amount: number;
}

/**
 * Hours and billable amount per organization (the organizations with time in the period, most
 * hours first, at most 15). The table below holds the same figures for screen readers and
 * keyboard users: the chart is a picture of it, described by its caption.
 */
const noSubscription = () => () => {};

/**
 * True once in the browser. Recharts server-renders `style` attributes, which the Content Security
 * Policy refuses (style-src without 'unsafe-inline'); in the browser React sets the same styles
 * through the DOM, which the policy allows. So the chart is drawn only there.
 */
function useInBrowser(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

export function CustomerReportChart({ rows }: { rows: ChartRow[] }) {
  const inBrowser = useInBrowser();
  if (rows.length === 0) return <p className="text-sm text-gray-700">No time was logged on these organizations&apos; issues in this period.</p>;
  return (
    <figure aria-labelledby="customer-report-chart-caption" className="rounded-md border border-gray-200 bg-white p-3">
      <div role="img" aria-label={`Bar chart of hours and billable amount for ${rows.length} organizations`} className="h-72 w-full">
        {inBrowser ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d1d5db" />
              <XAxis dataKey="name" tick={{ fill: '#374151', fontSize: 12 }} interval={0} />
              <YAxis yAxisId="hours" tick={{ fill: '#374151', fontSize: 12 }} />
              <YAxis yAxisId="amount" orientation="right" tick={{ fill: '#374151', fontSize: 12 }} />
              <Tooltip />
              <Legend />
              <Bar yAxisId="hours" dataKey="hours" name="Hours" fill="#1d4ed8" />
              <Bar yAxisId="amount" dataKey="amount" name="Billable amount" fill="#047857" />
            </BarChart>
          </ResponsiveContainer>
        ) : null}
      </div>
      <figcaption id="customer-report-chart-caption" className="mt-2 text-sm text-gray-700">
        Hours (left axis) and billable amount (right axis) per organization; the table below has every figure.
      </figcaption>
    </figure>
  );
}
