/**
 * The one textual form instants are stored in: UTC, milliseconds, `Z`.
 * Fixed width, so text comparison in SQL orders instants correctly.
 */
export function toStoredInstant(iso: string): string {
  return new Date(iso).toISOString();
}
