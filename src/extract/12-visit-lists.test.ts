import { beforeAll, describe, expect, it } from 'vitest';
import { facts, prepareExtractor } from './golden.ts';

beforeAll(prepareExtractor, 60_000);

describe('visits of guests named by a list', () => {
  it('makes one visit from no city per country of guests, hosted where the others went', () => {
    const text =
      'На праздник в Пинск приехала делегация из Кузнецка. ' +
      'Ярмарку оценили и гости из Польши, Литвы и Чехии.';
    const r = facts(text);
    expect(r.visits.map((v) => [v.from_city, v.to_city])).toEqual([
      ['Кузнецк', 'Пинск'],
      [null, 'Пинск'],
      [null, 'Пинск'],
      [null, 'Пинск'],
    ]);
  });

  it('takes a country for a country, not for a town of the same name', () => {
    const r = facts('Вчера делегация из Армении прибыла в Пензу.');
    expect(r.visits.map((v) => [v.from_city, v.to_city])).toEqual([[null, 'Пенза']]);
  });

  it('reads a town of a list that the place pass leaves out', () => {
    const r = facts('В Кузнецк прибыли делегации городов-побратимов – Пензы, Гродно, Малгобека.');
    expect(r.visits.map((v) => v.from_city)).toEqual(['Пенза', 'Гродно', 'Малгобек']);
  });

  it('reads a town nobody lists when its country follows in brackets, in the list’s case', () => {
    const gen = facts(
      'В Пензу прибыли делегации городов-побратимов – Гродно (Беларусь), Туглая (Китай), Лидса.',
    );
    expect(gen.visits.map((v) => v.from_city)).toEqual(['Гродно', 'Туглай', 'Лидс']);
    const nom = facts(
      'На празднике присутствовали делегации городов-побратимов: Бендеры, Галац и Вылени-Маре (Румыния), Болград.',
    );
    expect(nom.visits.map((v) => v.from_city)).toEqual(['Бендеры', 'Галац', 'Вылени-Маре', 'Болград']);
  });

  it('reads a hyphenated town after «из города» that the place pass leaves out', () => {
    const r = facts('В июле делегация из города Железногорска-Илимского побывала в Пензе.');
    expect(r.visits.map((v) => [v.from_city, v.to_city])).toEqual([['Железногорск-Илимский', 'Пенза']]);
  });

  it('takes no names after a city for a list of towns or for the host', () => {
    const text = 'Вчера мэр Пекина Ван Аньшунь провел в Минске переговоры с гостями из Пекина.';
    const r = facts(text);
    expect(r.visits.map((v) => [v.from_city, v.to_city])).toEqual([['Пекин', 'Минск']]);
  });

  it('keeps a town the gazetteer lacks as written after «из … города», and the towns sign as parties', () => {
    const text =
      'На прошлой неделе в Пензу приехала делегация из казахского города Кырмаль. ' +
      'После подписания договора о дружбе мэры городов обменялись подарками.';
    const r = facts(text);
    expect(r.visits.map((v) => [v.from_city, v.to_city])).toEqual([['Кырмаль', 'Пенза']]);
    expect(r.agreements.map((a) => a.parties.map((p) => p.name).sort())).toEqual([['Кырмаль', 'Пенза']]);
  });
});
