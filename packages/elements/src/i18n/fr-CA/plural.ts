/** French plural: 0 and 1 take the singular. */
export const s = (n: number, one: string, many: string) => (n < 2 ? one : many);
