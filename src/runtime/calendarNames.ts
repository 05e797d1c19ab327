/**
 * Month and weekday names in the runtime's one locale (en_US), shared by Sheets' number formats
 * and Utilities.formatDate's patterns so the two can never name a month differently.
 */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
