/**
 * Wraps user text (a city name, an author) placed into a translated sentence in Unicode first-strong
 * isolates, so a Latin name inside Arabic text, or an Arabic name inside English, keeps its own
 * direction and does not reorder the sentence around it. The text equivalent of <bdi>.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
