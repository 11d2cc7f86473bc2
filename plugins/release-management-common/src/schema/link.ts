import { z } from 'zod';

/**
 * A link people follow from the UI, such as a pipeline run or an incident:
 * http or https only, so that a stored link cannot run script
 * (`javascript:`) or open local files when clicked. The server never
 * fetches these links.
 *
 * @public
 */
export const linkSchema = z
  .url({
    protocol: /^https?$/,
    message: 'must be an http or https URL',
  })
  .max(2000);
