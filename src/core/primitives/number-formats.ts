/**
 * The Excel number formats the add-in writes, each defined once (format codes as Excel stores
 * them, en-US: ECMA-376 Part 1, §18.8.31 numFmt). Both hosts and the template read these.
 */

/** A date as the board reads it: 31 Jan 2010. */
export const DATE_FORMAT = "dd mmm yyyy";

/** Whole pounds with grouping: £12,500 and -£1,234. */
export const MONEY_FORMAT = '"£"#,##0;-"£"#,##0';
