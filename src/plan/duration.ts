// Durations in plan files are written the way people say them: "24h", "15m", "1h30m", "2d".
const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

/** Minutes in a duration string, or undefined when the text is not a duration. */
export function parseDurationMinutes(text: string): number | undefined {
  const trimmed = text.trim();
  const match = DURATION.exec(trimmed);
  if (!match || trimmed === "") return undefined;
  const [, days, hours, minutes] = match;
  return Number(days ?? 0) * 24 * 60 + Number(hours ?? 0) * 60 + Number(minutes ?? 0);
}

/** "1h30m", "24h", "15m", "0m": the inverse of parseDurationMinutes, for messages and summaries. */
export function formatDurationMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return `${minutes}m`;
  return minutes === 0 ? `${hours}h` : `${hours}h${minutes}m`;
}
