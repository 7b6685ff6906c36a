/**
 * A block timestamp (seconds) in the reader's locale and time zone. Render it only from data
 * fetched in the browser: the server's time zone would differ.
 */
export function Timestamp({ seconds }: { seconds: bigint }) {
  const date = new Date(Number(seconds) * 1000);
  return (
    <time dateTime={date.toISOString()}>
      {date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
    </time>
  );
}
