import { beforeAll, describe, expect, it } from 'vitest';
import { facts, prepareExtractor } from './golden.ts';

beforeAll(prepareExtractor, 60_000);

const events = (text: string) => facts(text).events.map((e) => [e.name, e.city, e.date]);

describe('events', () => {
  it('keeps a Roman ordinal and capitals of a forum name, and its days', () => {
    const text =
      'Делегация Пензы приняла участие в XV Международном форуме городов-побратимов в Барановичах 14–16 мая 2025 г.';
    expect(events(text)).toEqual([['XV Международный форум городов-побратимов', 'Барановичи', '2025-05-14']]);
  });

  it('does not repeat an event named again by its bare noun', () => {
    const text =
      'В Барановичах открылся Международный форум городов-побратимов. В работе форума приняли участие гости из 12 стран.';
    expect(events(text).map((e) => e[0])).toEqual(['Международный форум городов-побратимов']);
  });

  it('reads «турнир по мини-футболу» and places a later event in the city its sentence names', () => {
    const text = 'В Барановичах прошел турнир по мини-футболу. Следующий турнир состоится в Пензе.';
    expect(events(text)).toEqual([
      ['турнир по мини-футболу', 'Барановичи', null],
      ['следующий турнир', 'Пенза', null],
    ]);
  });

  it('joins a holiday to the anniversary it is dedicated to', () => {
    const text = 'Гости побывали на празднике города, приуроченном к 300-летнему юбилею Пензы.';
    expect(events(text).map((e) => [e[0], e[1]])).toEqual([
      ['праздник города, 300-летний юбилей Пензы', 'Пенза'],
    ]);
  });

  it('finds no event in generic words', () => {
    expect(events('Стороны обсудили праздничные мероприятия и культурную программу.')).toEqual([]);
  });
});
