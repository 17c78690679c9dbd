import * as z from 'zod/mini';

/** How an organization hears of new pledges and registrations: an email each, or one a day. */
export const NotificationMode = z.enum(['each', 'digest']);
export type NotificationMode = z.infer<typeof NotificationMode>;
export const NotificationSettings = z.strictObject({ mode: NotificationMode });
export type NotificationSettings = z.infer<typeof NotificationSettings>;
