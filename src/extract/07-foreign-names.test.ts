import { beforeAll, describe, expect, it } from 'vitest';
import { facts, prepareExtractor } from './golden.ts';

beforeAll(prepareExtractor, 60_000);

const persons = (text: string) => facts(text).persons.map((p) => [p.name, p.position]);

describe('foreign names after a title', () => {
  it('reads two unknown capitalized words after a title as a name, as written', () => {
    expect(persons('Гостей приветствовал заместитель мэра Сун Минцзе.')).toEqual([
      ['Сун Минцзе', 'заместитель мэра'],
    ]);
  });

  it('reads a name after a title with a town, and takes the instrumental ending off the surname', () => {
    expect(persons('Делегация встретилась с мэром города Измира Эрдем Тунчелем.').map((p) => p[0])).toEqual([
      'Эрдем Тунчель',
    ]);
  });

  it('adds a third unknown part to a titled two-part name', () => {
    expect(persons('Меморандум подписал мэр Измира Мехмет Али Тунчель.').map((p) => p[0])).toEqual([
      'Мехмет Али Тунчель',
    ]);
  });

  it('takes no capitalized words of an organization after a title for a name', () => {
    expect(persons('Выступил председатель Совета Республики.')).toEqual([]);
  });
});

describe('one person under two guessed nominatives', () => {
  it('merges surnames with the same first name that differ by a fleeting vowel or an ending', () => {
    const text =
      'Делегацию возглавил мэр Твери Павел Ноготь. По приглашению мэра Павла Ногтя гости посетили музей.';
    expect(persons(text).map((p) => p[0])).toEqual(['Павел Ноготь']);
  });
});
