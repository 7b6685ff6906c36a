import { useFormatter } from "next-intl";

/**
 * A moment in the reader's language. Rendered on the server, it is in UTC and says so (the
 * server cannot know the reader's time zone); the same on the client, so hydration matches.
 */
export function DateTime({ seconds, withTime = true }: { seconds: bigint | number; withTime?: boolean }) {
  const format = useFormatter();
  const date = new Date(Number(seconds) * 1000);
  return (
    <time dateTime={date.toISOString()}>
      {format.dateTime(
        date,
        withTime
          ? { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }
          : { dateStyle: "medium", timeZone: "UTC" },
      )}
      {withTime && " UTC"}
    </time>
  );
}
