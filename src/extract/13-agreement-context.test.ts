import { beforeAll, describe, expect, it } from 'vitest';
import { facts, prepareExtractor } from './golden.ts';

beforeAll(prepareExtractor, 60_000);

const pairs = (text: string, options = {}) =>
  facts(text, options).agreements.map((a) => ({
    kind: a.kind,
    parties: a.parties.map((p) => [p.name, p.city]),
  }));

describe('agreements across sentences', () => {
  it('takes the parties from the sentence before when the signing sentence names none', () => {
    const text =
      'Директор гимназии № 5 г. Барановичи встретилась с коллегами из лицея № 21 г. Кузнецка. ' +
      'По итогам встречи был заключен договор о партнерском сотрудничестве.';
    expect(pairs(text)).toEqual([
      {
        kind: 'cooperation',
        parties: [
          ['гимназия № 5', 'Барановичи'],
          ['лицей № 21', 'Кузнецк'],
        ],
      },
    ]);
  });

  it('takes the cities of the visit when the parties are the two towns', () => {
    const text =
      'Делегация из Барановичей прибыла с официальным визитом в Кузнецк. Главы городов подписали соглашение о побратимстве.';
    expect(pairs(text)[0]?.parties).toEqual([
      ['Барановичи', 'Барановичи'],
      ['Кузнецк', 'Кузнецк'],
    ]);
  });

  it('splits «между A и B, а также между C и D» into two agreements and reads «нашего города»', () => {
    const text =
      'Подписаны договоры о сотрудничестве между гимназией № 1 нашего города и пензенским лицеем № 3, ' +
      'а также между детской школой искусств № 2 г. Пинска и Пензенской детской музыкальной школой № 5.';
    expect(pairs(text, { homeCity: 'Барановичи' }).map((a) => a.parties)).toEqual([
      [
        ['гимназия № 1', 'Барановичи'],
        ['лицей № 3', 'Пенза'],
      ],
      [
        ['детская школа искусств № 2', 'Пинск'],
        ['Пензенская детская музыкальная школа № 5', 'Пенза'],
      ],
    ]);
  });

  it('takes the towns of the signatories when their titles name them', () => {
    const text =
      'Мэр Кузнецка Сергей Злобин и председатель Барановичского горисполкома Максим Антонюк подписали соглашение о побратимстве.';
    expect(pairs(text)).toEqual([
      {
        kind: 'twinning',
        parties: [
          ['Кузнецк', 'Кузнецк'],
          ['Барановичи', 'Барановичи'],
        ],
      },
    ]);
  });

  it('does not record an agreement twice when a later sentence speaks of it', () => {
    const text =
      'Делегация из Барановичей прибыла с визитом в Кузнецк. Главы городов подписали соглашение о побратимстве. ' +
      'Подписанное соглашение предусматривает обмены школьников.';
    expect(pairs(text).map((a) => a.kind)).toEqual(['twinning']);
  });

  it('reads «администрация Кузнецка» and «мэрия Пензы» as bodies of their towns', () => {
    expect(pairs('Мэрия Пензы и акимат Караганды заключили меморандум.')).toEqual([
      {
        kind: 'memorandum',
        parties: [
          ['Мэрия Пензы', 'Пенза'],
          ['акимат Караганды', 'Караганда'],
        ],
      },
    ]);
  });

  it('gives the day of signing when the sentence states it', () => {
    const [a] = facts(
      '9 февраля 2024 года подписано соглашение о сотрудничестве между Пинском и Пензой.',
    ).agreements;
    expect(a?.signed_on).toBe('2024-02-09');
  });

  it('records no agreement that was only discussed', () => {
    expect(
      facts('Стороны обсудили возможность подписания соглашения о сотрудничестве между Пинском и Пензой.')
        .agreements,
    ).toEqual([]);
  });

  it('records no agreement only announced for a later day or named as the aim of a visit', () => {
    for (const text of [
      'Мэры Пинска и Пензы собираются подписать соглашение о побратимстве.',
      'Соглашение о сотрудничестве между Пинском и Пензой будет подписано в октябре.',
      'Церемония подписания договора между Пинском и Пензой состоится осенью.',
      'Целью поездки стало подписание соглашения о сотрудничестве между Пинском и Пензой.',
    ])
      expect(facts(text).agreements, text).toEqual([]);
  });

  it('records one agreement per signing, whatever the later sentences call it', () => {
    const text =
      'Вчера в Пинске подписано соглашение о намерениях между Пинском и Пензой. ' +
      'Меморандум подписали мэры Пинска и Пензы.';
    expect(pairs(text).map((a) => a.kind)).toEqual(['memorandum']);
  });

  it('takes parties from the next sentence and never leaves the list empty or generic', () => {
    const text =
      'Вчера подписан договор о сотрудничестве. Документ скрепили подписями мэр Пинска и глава Кузнецка.';
    expect(pairs(text).map((a) => a.parties)).toEqual([
      [
        ['Пинск', 'Пинск'],
        ['Кузнецк', 'Кузнецк'],
      ],
    ]);
    expect(facts('Исполком подписал соглашение о сотрудничестве.').agreements).toEqual([]);
  });

  it('reads districts and regions as parties, and not the region that only locates a district', () => {
    const text =
      'Подписано соглашение о побратимстве между Лунинецким районом Брестской области и Пензенской областью.';
    expect(pairs(text).map((a) => a.parties)).toEqual([
      [
        ['Лунинецкий район', null],
        ['Пензенская область', 'Пенза'],
      ],
    ]);
  });

  it('leaves out the region in brackets and a plan named inside another document', () => {
    const text =
      'Мэр Пинска подписал план мероприятий по реализации соглашения о сотрудничестве с Кузнецком (Пензенская область).';
    expect(pairs(text)).toEqual([
      {
        kind: 'plan',
        parties: [
          ['Пинск', 'Пинск'],
          ['Кузнецк', 'Кузнецк'],
        ],
      },
    ]);
  });

  it('takes no signatories from the places a sentence says were visited', () => {
    const text =
      'Делегация из Пензы прибыла в Пинск. Гости посетили гимназию № 2 и краеведческий музей. ' +
      'Вечером было подписано соглашение о сотрудничестве.';
    expect(pairs(text)).toEqual([
      {
        kind: 'cooperation',
        parties: [
          ['Пенза', 'Пенза'],
          ['Пинск', 'Пинск'],
        ],
      },
    ]);
  });

  it('records no agreement of states, and none with partners only counted', () => {
    const text =
      'Обмены школьников шли в рамках соглашения, подписанного на уровне глав государств. ' +
      'Библиотека Пинска имеет договоры о сотрудничестве, подписанные с 12 библиотеками Пензы.';
    expect(pairs(text)).toEqual([]);
  });

  it('keeps a body in the genitive in the name of the organization before it, and no locating region', () => {
    const text =
      'Подписан договор о сотрудничестве между Пинской городской библиотекой и научной библиотекой ' +
      'Пензенского отделения Союза писателей. Соглашение о побратимстве подписали город Пинск и город ' +
      'Сакаиминато, расположенный в префектуре Тоттори.';
    expect(pairs(text).map((a) => a.parties.map((p) => p[0]))).toEqual([
      ['Пинская городская библиотека', 'научная библиотека Пензенского отделения Союза писателей'],
      ['Пинск', 'Сакаиминато'],
    ]);
  });
});
