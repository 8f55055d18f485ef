import { beforeAll, describe, expect, it } from 'vitest';
import { facts, prepareExtractor } from './golden.ts';

beforeAll(prepareExtractor, 60_000);

const pairs = (text: string) =>
  facts(text).agreements.map((a) => ({ kind: a.kind, parties: a.parties.map((p) => p.name) }));

describe('parties the place pass leaves out', () => {
  it('reads two pairs of towns after «между городами», small towns included', () => {
    const text =
      'Вчера подписан меморандум о партнерстве между городами Ковров и Павликени, а также Стародуб и Аврен.';
    expect(pairs(text)).toEqual([
      { kind: 'memorandum', parties: ['Ковров', 'Павликени'] },
      { kind: 'memorandum', parties: ['Стародуб', 'Аврен'] },
    ]);
  });

  it('reads the town after a head of the town («мэр Полевского»)', () => {
    const text = 'Соглашение о сотрудничестве подписали мэр Полевского и глава Альметьевска.';
    expect(pairs(text)).toEqual([{ kind: 'cooperation', parties: ['Полевской', 'Альметьевск'] }]);
  });

  it('reads a district whose adjective the dictionary lacks, and a town after «городом»', () => {
    const text = 'Подписано соглашение о сотрудничестве между Горецким районом и городом Цюнхай.';
    expect(pairs(text)).toEqual([{ kind: 'cooperation', parties: ['Горецкий район', 'Цюнхай'] }]);
  });

  it('leaves out the town where two others signed, and keeps a memorandum of twinning a memorandum', () => {
    const text = 'Меморандум об установлении побратимских связей Пензы и Кузнецка подписан в Минске.';
    expect(pairs(text)).toEqual([{ kind: 'memorandum', parties: ['Пенза', 'Кузнецк'] }]);
  });
});

describe('districts and regions as parties', () => {
  const sides = (text: string) =>
    facts(text).agreements.map((a) => a.parties.map((p) => `${p.name}${p.city ? ` (${p.city})` : ''}`));

  it('reads a district named after its noun, and guesses no town from a district’s adjective', () => {
    const text =
      'Подписан протокол о сотрудничестве между районом Бейоглу и Октябрьским районом столицы республики.';
    expect(sides(text)).toEqual([['район Бейоглу', 'Октябрьский район']]);
  });

  it('keeps a district of a named town beside another town, one plan with each', () => {
    const text =
      'Глава Пензы подписал планы совместных мероприятий на 2027 год с Первомайским районом города Гомеля и с городом Бобруйском.';
    expect(sides(text)).toEqual([
      ['Пенза (Пенза)', 'Первомайский район (Гомель)'],
      ['Пенза (Пенза)', 'Бобруйск (Бобруйск)'],
    ]);
  });

  it('takes the pairs of the sentence before for documents of no named kind', () => {
    const text =
      'Побратимские отношения установлены между уездом Хотан и Ургутским районом Самаркандской области, ' +
      'а также между городом Хотан и городом Джизак в Джизакской области. ' +
      'Соответствующие документы стороны подписали на форуме.';
    expect(sides(text)).toEqual([
      ['уезд Хотан', 'Ургутский район (Ургут)'],
      ['Хотан (Хотан)', 'Джизак (Джизак)'],
    ]);
  });

  it('reads a province as a side, not the province that only locates a town', () => {
    expect(sides('Итальянская провинция Монте Верде и город Пенза подписали протокол о дружбе.')).toEqual([
      ['провинция Монте Верде', 'Пенза (Пенза)'],
    ]);
    expect(
      sides(
        'Подписано соглашение о сотрудничестве между Пинским районом и городом Цюнхай провинции Хайнань.',
      ),
    ).toEqual([['Пинский район (Пинск)', 'Цюнхай (Цюнхай)']]);
  });

  it('reads «документ» after a named agreement as that agreement again', () => {
    const text =
      'Соглашение о сотрудничестве подписали мэр Пензы и глава Кузнецка. Документ подписали в здании мэрии.';
    expect(sides(text)).toEqual([['Пенза (Пенза)', 'Кузнецк (Кузнецк)']]);
  });
});

describe('the day of a signing', () => {
  it('takes the day of a one-day visit when the text does not date the signing', () => {
    const text =
      '12 мая делегация из Кузнецка посетила Пензу. Главы городов подписали соглашение о сотрудничестве.';
    expect(facts(text).agreements.map((a) => a.signed_on)).toEqual(['--05-12']);
  });
});
