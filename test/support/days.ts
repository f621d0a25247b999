export { dayFromYmd, formatDay } from "../../src/core/primitives/dates";
export const addDays = (day: number, n: number): number => day + n;
