import { z } from 'zod';
import { DeliveryActionSchema, DirectionSchema } from './message-schemas.js';

/** A widget filter's fields as stored and answered: plain values, every one optional. */
export const WidgetFilterFields = z.object({
  tag: z.string().min(1).max(200).optional(),
  action: DeliveryActionSchema.optional(),
  direction: DirectionSchema.optional(),
  group: z.string().min(1).max(100).optional().describe('a named group of the organisation: messages to at least one member'),
  recipient: z.string().min(1).max(320).optional(),
  sender: z.string().min(1).max(320).optional(),
  senderDomain: z.string().min(1).max(253).optional(),
  minScore: z.number().min(0).max(100).optional(),
  q: z.string().min(1).max(200).optional().describe('free text in subject or sender'),
});

/** Addresses and domains compare lower-case (as the store keeps them); only request schemas transform, answers are plain. */
const lowerCased = (max: number) => z.string().trim().min(1).max(max).transform((s) => s.toLowerCase()).optional();
const addressFields = { recipient: lowerCased(320), sender: lowerCased(320), senderDomain: lowerCased(253) };

/** The filter as a JSON body field (a saved widget): unknown fields refused. */
export const WidgetFilterBody = WidgetFilterFields.extend(addressFields).strict();

/** The filter as query parameters (GET /widgets/data). */
export const WidgetFilterSchema = WidgetFilterFields.extend({ ...addressFields, minScore: z.coerce.number().min(0).max(100).optional() });
export type WidgetFilter = z.infer<typeof WidgetFilterSchema>;
