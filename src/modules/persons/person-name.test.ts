import { describe, expect, it } from 'vitest';
import { splitFullName } from './person-name.ts';

describe('splitFullName', () => {
  it.each([
    ['Вадим Щербаков', { firstName: 'Вадим', patronymic: null, lastName: 'Щербаков' }],
    ['Щербаков Вадим Николаевич', { firstName: 'Вадим', patronymic: 'Николаевич', lastName: 'Щербаков' }],
    ['Диана Сергеевна Лугина', { firstName: 'Диана', patronymic: 'Сергеевна', lastName: 'Лугина' }],
    ['Лукин Пётр Ильич', { firstName: 'Пётр', patronymic: 'Ильич', lastName: 'Лукин' }],
    ['А. Н. Радищев', { firstName: null, patronymic: null, lastName: 'Радищев' }],
    ['Мадонна', { firstName: null, patronymic: null, lastName: null }],
    ['Жан Поль Сартр', { firstName: null, patronymic: null, lastName: null }],
  ])('%s', (fullName, parts) => {
    expect(splitFullName(fullName)).toEqual(parts);
  });
});
