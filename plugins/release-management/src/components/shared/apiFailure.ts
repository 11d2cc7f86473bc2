/** A failed call, with the status code and the server's own words. */
export type ApiFailure = {
  /** HTTP status code, when the failure came from the backend. */
  status?: number;
  message: string;
};

type ResponseErrorLike = {
  statusCode?: number;
  body?: { error?: { message?: unknown } };
  cause?: { message?: unknown };
  message?: unknown;
};

/**
 * What went wrong, in the words a person can act on. A `ResponseError`'s own
 * message is only "Request failed with 409 Conflict"; the backend's sentence
 * (which gate, which field) is in the parsed body.
 */
export function describeFailure(error: unknown): ApiFailure {
  const e = (error ?? {}) as ResponseErrorLike;
  const serverMessage = e.body?.error?.message ?? e.cause?.message;
  const message =
    typeof serverMessage === 'string' && serverMessage
      ? serverMessage
      : String(e.message ?? error);
  return { status: e.statusCode, message };
}

/** Whether the failure is a 404 from the backend. */
export function isNotFound(error: unknown): boolean {
  return describeFailure(error).status === 404;
}

/**
 * What a failed write says to the person who tried it: the server's own
 * words, and for a 409 (the thing changed meanwhile) what to do about it.
 */
export function describeError(error: unknown): string {
  const { status, message } = describeFailure(error);
  if (status === 409) {
    return `${message} — someone else changed it in the meantime; reload to see their change, then try again.`;
  }
  return message;
}
