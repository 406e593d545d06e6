import { z } from 'zod';

/** Shared request and response shapes; they also make up the OpenAPI document. */
export const ErrorSchema = z.object({ error: z.string(), message: z.string() });

export const PagingQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const IdParams = z.object({ id: z.string().min(1).max(200) });

export const RoleSchema = z.enum(['admin', 'analyst', 'viewer']);

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const OkSchema = z.object({ ok: z.literal(true) });

/** ISO 8601 instant → epoch ms. */
export const Instant = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text));

export const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema, 503: ErrorSchema } as const;
