export { dayFromYmd, formatDay } from "../../src/model/dates";
export const addDays = (day: number, n: number): number => day + n;
