const pad = (value: number) => String(value).padStart(2, '0');

/** Today as `YYYY-MM-DD` in the user's time zone. */
export function today(): string {
  return daysFromToday(0);
}

/** The day `days` after today, as `YYYY-MM-DD`, in the user's time zone. */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
