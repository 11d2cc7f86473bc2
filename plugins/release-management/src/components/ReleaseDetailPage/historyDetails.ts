import { formatInstant, formatWindow } from '../shared/formatTime';

const MAX = 80;

function isWindow(value: object): value is { start: string; end: string } {
  return (
    typeof (value as any).start === 'string' &&
    typeof (value as any).end === 'string'
  );
}

/**
 * A value of a history entry in words: windows and instants as times, lists
 * by their length, models by name and revision — raw JSON is for machines.
 */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) {
    const refs = value.map(v =>
      typeof v === 'object' && v && 'entityRef' in v
        ? `${(v as any).entityRef}${
            'version' in v ? `@${(v as any).version}` : ''
          }`
        : undefined,
    );
    if (refs.length > 0 && refs.every(Boolean)) {
      return refs.length > 3
        ? `${refs.slice(0, 3).join(', ')} and ${refs.length - 3} more`
        : refs.join(', ');
    }
    return `${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') {
    if (isWindow(value)) return formatWindow(value.start, value.end);
    if ('name' in value && 'revision' in value) {
      return `${(value as any).name} (revision ${(value as any).revision})`;
    }
    const keys = Object.keys(value);
    return keys.length ? `{ ${keys.join(', ')} }` : '{}';
  }
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) {
    return formatInstant(value);
  }
  return String(value);
}

/** One line for the details of an entry: `from: planned · to: scheduled`. */
export function summarizeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => {
      const text = describeValue(value);
      return `${key}: ${
        text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text
      }`;
    })
    .join(' · ');
}
