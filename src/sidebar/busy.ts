/**
 * The server answers "Another save is in progress..." when it cannot take the document lock in
 * time (src/README.md, "Reliability"). That failure is worth one automatic retry with the same
 * request id; any other failure is shown to the therapist as it is.
 */
export const BUSY_RETRY_MS = 2000;

export function isBusyMessage(message: string): boolean {
  return /another save is in progress|lock timeout|try (save )?again in a moment/i.test(message);
}
