/** The parts of a Russian or Belarusian personal name, as far as the full name shows them. */
export interface NameParts {
  firstName: string | null;
  patronymic: string | null;
  lastName: string | null;
}

// Patronymics end so in Russian and Belarusian: Николаевич, Сергеевна, Ильич, Кузьминична, Мікалаевіч.
const PATRONYMIC = /(?:ович|евич|ьич|ич|овна|евна|ична|инична|авіч|евіч|іч|аўна|еўна)$/iu;
const INITIAL = /^\p{Lu}\.$/u;

/**
 * Splits a full name into first name, patronymic and last name, so lists sort by surname:
 * «Вадим Щербаков», «Щербаков Вадим Николаевич», «Вадим Николаевич Щербаков», «А. Н. Радищев».
 * Returns all nulls when the shape is not one of these; the full name is kept as given anyway.
 */
export function splitFullName(fullName: string): NameParts {
  const words = fullName.trim().split(/\s+/);
  const none: NameParts = { firstName: null, patronymic: null, lastName: null };
  if (words.some((word) => INITIAL.test(word))) {
    const surname = words.filter((word) => !INITIAL.test(word));
    return surname.length === 1 ? { ...none, lastName: surname[0]! } : none;
  }
  const [a, b, c] = words;
  if (words.length === 2 && a && b) return { firstName: a, patronymic: null, lastName: b };
  if (words.length === 3 && a && b && c) {
    if (PATRONYMIC.test(b)) return { firstName: a, patronymic: b, lastName: c };
    if (PATRONYMIC.test(c)) return { firstName: b, patronymic: c, lastName: a };
  }
  return none;
}
