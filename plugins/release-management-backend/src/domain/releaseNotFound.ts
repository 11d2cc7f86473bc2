import { NotFoundError } from '@backstage/errors';

/**
 * The answer for a release id that does not exist, and, word for word, for
 * one the caller may not read: ids cannot then be probed for releases
 * their permissions hide.
 */
export function releaseNotFound(id: string): NotFoundError {
  return new NotFoundError(`No release with id "${id}"`);
}
