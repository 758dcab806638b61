const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** A server-rendered date (UTC, so server and browser agree), with the exact time on hover or, `withTime`, shown. */
export function FormattedDate({ value, withTime }: { value: string; withTime?: boolean }) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return (
    <time dateTime={date.toISOString()} title={dateTimeFormat.format(date)}>
      {(withTime ? dateTimeFormat : dateFormat).format(date)}
    </time>
  );
}
