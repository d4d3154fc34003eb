import type { z } from 'zod';
import { problem } from '../../domain/contracts/common.ts';
import { ERROR_CODES, type ErrorCode } from '../errors.ts';

/** A JSON body or response of the given schema, for route definitions. */
export function json<Schema extends z.ZodType>(schema: Schema, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body. */
export function jsonBody<Schema extends z.ZodType>(schema: Schema) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

/** The problem responses a route can give, for the OpenAPI document. */
export function problems(...codes: ErrorCode[]) {
  const responses: Record<
    number,
    { description: string; content: { 'application/problem+json': { schema: typeof problem } } }
  > = {};
  for (const code of ['unauthenticated', ...codes] as ErrorCode[]) {
    const { status, en } = ERROR_CODES[code];
    // Several codes share a status (409: a stale write, a duplicate, not yet): each is described.
    const described = responses[status]?.description;
    responses[status] = {
      description: described ? `${described} Or: ${en}` : en,
      content: { 'application/problem+json': { schema: problem } },
    };
  }
  return responses;
}

/** Problems of a read of one entity. */
export const readProblems = problems('not_found');
/** Problems of a create. */
export const createProblems = problems('validation_failed', 'forbidden', 'not_found', 'duplicate');
/** Problems of a change to an existing entity. */
export const updateProblems = problems('validation_failed', 'forbidden', 'not_found', 'conflict');
