import { z } from 'zod';
import { WidgetFilterBody, WidgetFilterFields } from './insight-filter.js';

/** What a bar chart may split its messages by. */
export const BAR_FIELDS = ['tag', 'action', 'direction', 'group', 'recipient', 'sender', 'senderDomain'] as const;
export type BarField = (typeof BAR_FIELDS)[number];

export const ViewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('timeseries') }),
  z.object({ type: z.literal('bar'), by: z.enum(BAR_FIELDS) }),
  z.object({ type: z.literal('table') }),
]);
export type View = z.infer<typeof ViewSchema>;

const widgetFields = {
  id: z.string().min(1).max(100),
  title: z.string().trim().max(200),
  view: ViewSchema,
  days: z.number().int().min(1).max(366),
};

/** A widget as stored and answered. */
export const WidgetSchema = z.object({ ...widgetFields, filter: WidgetFilterFields.strict() });
export type Widget = z.infer<typeof WidgetSchema>;

/** A widget as sent: its filter's addresses and domains lower-cased on the way in. */
export const WidgetBody = z.object({ ...widgetFields, filter: WidgetFilterBody });

/** Dashboards hold a handful of widgets; the cap keeps one dashboard's page load bounded. */
export const MAX_WIDGETS = 50;

export const DashboardBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  shared: z.boolean(),
  widgets: z.array(WidgetBody).max(MAX_WIDGETS),
});

export const DashboardSchema = z.object({
  id: z.string(),
  ownerId: z.string(),
  owner: z.string().describe("the owner's username"),
  name: z.string(),
  shared: z.boolean(),
  widgets: z.array(WidgetSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
  editable: z.boolean().describe('the caller may change or delete it (owner or admin)'),
});
