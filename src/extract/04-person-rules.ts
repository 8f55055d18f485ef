/** Rules for personal names: sequences of name parts that must agree in case and gender. */

/** A name part: first name, patronymic, surname, or an initial with its full stop. */
export type NamePart = 'name' | 'patr' | 'surn' | 'init';

export interface PersonRule {
  id: string;
  parts: NamePart[];
}

/** Longest rules first: the first that matches at a position wins. */
export const PERSON_RULES: PersonRule[] = [
  // Делегацию возглавил Вадим Николаевич Щербаков.
  { id: 'per.name-patr-surn', parts: ['name', 'patr', 'surn'] },
  // Делегацию возглавлял Щербаков Вадим Николаевич.
  { id: 'per.surn-name-patr', parts: ['surn', 'name', 'patr'] },
  // Библиотека носит имя А. Н. Радищева.
  { id: 'per.init-init-surn', parts: ['init', 'init', 'surn'] },
  // Приветствие зачитал Щербаков В. Н.
  { id: 'per.surn-init-init', parts: ['surn', 'init', 'init'] },
  // Выступила Диана Лугина.
  { id: 'per.name-surn', parts: ['name', 'surn'] },
  // Лекцию прочитал Вадим Николаевич.
  { id: 'per.name-patr', parts: ['name', 'patr'] },
  // Выступил С. Щербаков.
  { id: 'per.init-surn', parts: ['init', 'surn'] },
  // Гостей встретил Щербаков.
  { id: 'per.surn', parts: ['surn'] },
  // Пришла Диана.
  { id: 'per.name', parts: ['name'] },
];
