/** Russian number agreement, quotes and dates for reminder titles. */

const plural = new Intl.PluralRules('ru');

/** The noun form a number takes: 1 год, 2 года, 5 лет, 21 год, 245 лет. */
export function countWord(count: number, one: string, few: string, many: string): string {
  const rule = Number.isInteger(count) ? plural.select(Math.abs(count)) : 'other';
  if (rule === 'one') return one;
  if (rule === 'few') return few;
  return many;
}

/** «245 лет», «1 день», «3 дня», with a non-breaking space between number and noun. */
export function years(count: number): string {
  return `${count}\u00a0${countWord(count, 'год', 'года', 'лет')}`;
}

export function days(count: number): string {
  return `${count}\u00a0${countWord(count, 'день', 'дня', 'дней')}`;
}

/** Text in «ёлочки»; quotes inside become „лапки“, as Russian typography nests them. */
export function quoted(text: string): string {
  const inner = text
    .trim()
    .replace(/«/g, '„')
    .replace(/»/g, '“')
    .replace(/"([^"]*)"/g, '„$1“');
  return `«${inner}»`;
}

const longDate = new Intl.DateTimeFormat('ru-RU', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** «12 марта 2022 г.» (non-breaking space before «г.») from `YYYY-MM-DD`. */
export function russianDate(date: string): string {
  return longDate
    .format(new Date(`${date}T00:00:00Z`))
    .replace(/\s+г\.$/, '\u00a0г.')
    .replace(/\u202f|\u00a0(?!г)/g, ' ');
}
