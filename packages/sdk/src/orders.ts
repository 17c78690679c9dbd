/** How a list is ordered, so that merging several nodes' pages keeps the order each node lists in. */
export type Order<T> = (a: T, b: T) => number;

const time = (t: string) => Date.parse(t);
export const newest: Order<{ createdAt: string }> = (a, b) => time(b.createdAt) - time(a.createdAt);
export const soonest: Order<{ startsAt: string }> = (a, b) => time(a.startsAt) - time(b.startsAt);
export const mostSupported: Order<{ supportCount: number }> = (a, b) => b.supportCount - a.supportCount;
export const byName: Order<{ name: string }> = (a, b) => a.name.localeCompare(b.name, 'fr');
