/**
 * Shared types, zod schemas and permissions of the release-management plugins.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './permissions';
export * from './schema';
export * from './recurrence';
