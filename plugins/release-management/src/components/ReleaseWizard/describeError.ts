import { ResponseError } from '@backstage/errors';

/**
 * What a failed write says to the person who tried it: the server's own
 * message for a 400 or 409 (validation, revision conflict), with what to do
 * about a conflict, otherwise the error's message.
 */
export function describeError(error: unknown): string {
  if (error instanceof ResponseError || isResponseErrorLike(error)) {
    const message = error.body?.error?.message || error.message;
    if (error.statusCode === 409) {
      return `${message} — someone else changed it in the meantime; reload to see their change, then try again.`;
    }
    return message;
  }
  return error instanceof Error ? error.message : String(error);
}

// Errors that crossed a package boundary may not share the class identity.
function isResponseErrorLike(
  error: unknown,
): error is Pick<ResponseError, 'body' | 'statusCode' | 'message'> {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: string }).name === 'ResponseError' &&
    typeof (error as { statusCode?: unknown }).statusCode === 'number'
  );
}
