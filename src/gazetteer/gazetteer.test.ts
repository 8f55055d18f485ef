import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './index.ts';

const gazetteer = loadGazetteer();
const KUZNETSK = 537737;
const BARANOVICHI = 630429;
const first = (name: string, countries?: string[]) => gazetteer.find(name, countries ? { countries } : {})[0];

describe('finding places in the gazetteer', () => {
  it.each([
    ['Кузнецк', KUZNETSK],
    ['Кузнецка', KUZNETSK],
    ['Kuznetsk', KUZNETSK],
    ['KUZNETSK', KUZNETSK],
    ['Baranavichy', BARANOVICHI],
    ['Барановичей', BARANOVICHI],
    ['Барановичи', BARANOVICHI],
    ['Баранавічы', BARANOVICHI],
    ['Baranowitschi', BARANOVICHI],
  ])('«%s» gives the right place first', (name, id) => {
    expect(first(name)?.id).toBe(id);
  });

  it.each([
    ['Новосибирска', 'Новосибирск'],
    ['Перми', 'Пермь'],
    ['Нижнего Новгорода', 'Нижний Новгород'],
    ['Ростова-на-Дону', 'Ростов-на-Дону'],
    ['Великих Лук', 'Великие Луки'],
    ['Великом Новгороде', 'Великий Новгород'],
    ['Кривом Роге', 'Кривой Рог'],
    ['Белой Церкви', 'Белая Церковь'],
    ['Старом Осколе', 'Старый Оскол'],
    ['Набережных Челнах', 'Набережные Челны'],
    ['Петропавловска-Камчатского', 'Петропавловск-Камчатский'],
    ['Флоренцию', 'Флоренция'],
    ['Крагуеваце', 'Крагуевац'],
    ['Уфе', 'Уфа'],
  ])('«%s» is a case form of «%s»', (form, nominative) => {
    expect(first(form)?.ru).toBe(nominative);
  });

  it('prefers the place named so to a larger one that once was (Novokuznetsk was Kuznetsk)', () => {
    const found = gazetteer.find('Kuznetsk').map((place) => place.en);
    expect(found.slice(0, 2)).toEqual(['Kuznetsk', 'Novokuznetsk']);
  });

  it('breaks ties by population, and by the countries already in the registry before that', () => {
    expect(first('Brest')?.country).toBe('BY');
    expect(first('Brest', ['FR'])?.country).toBe('FR');
    expect(first('Springfield')?.population).toBeGreaterThan(100_000);
    expect(first('Moscow')?.country).toBe('RU');
    expect(first('Moscow', ['US'])?.country).toBe('US');
  });

  it('searches within countries, falling back to near spellings there', () => {
    expect(gazetteer.find('Brest', { within: ['FR'] }).every((place) => place.country === 'FR')).toBe(true);
    expect(gazetteer.find('Baranovichy', { within: ['BY'] })[0]?.id).toBe(BARANOVICHI);
    expect(gazetteer.lookup('Baranovichy')).toEqual([]);
  });

  it('keeps Russian, Belarusian and English names', () => {
    expect(gazetteer.byId(BARANOVICHI)).toMatchObject({
      ru: 'Барановичи',
      be: 'Баранавічы',
      en: 'Baranovichi',
    });
    expect(gazetteer.byId(KUZNETSK)).toMatchObject({ ru: 'Кузнецк', en: 'Kuznetsk', country: 'RU' });
    expect(first('Minsk')).toMatchObject({ ru: 'Минск', be: 'Мінск' });
    expect(first('Brest')).toMatchObject({ ru: 'Брест', be: 'Брэст' });
    expect(first('Vitebsk')).toMatchObject({ ru: 'Витебск', be: 'Віцебск' });
  });

  it.each([
    ['Polatsk', 'Полоцк', 'Полацк'],
    ['Mazyr', 'Мозырь', 'Мазыр'],
    ['Novogrudok', 'Новогрудок', 'Навагрудак'],
    ['Hlybokaye', 'Глубокое', 'Глыбокае'],
    ['Homyel', 'Гомель', 'Гомель'],
    ['Orsha', 'Орша', 'Орша'],
  ])('tells the Russian and Belarusian names of %s apart', (name, ru, be) => {
    expect(gazetteer.find(name, { within: ['BY'] })[0]).toMatchObject({ ru, be });
  });

  it('has a Belarusian name for nearly every Belarusian town', () => {
    const towns = [...gazetteer.all()].filter(
      (place) => place.country === 'BY' && place.population >= 10_000,
    );
    const withBelarusian = towns.filter((place) => place.be !== null);
    expect(towns.length).toBeGreaterThan(80);
    expect(withBelarusian.length / towns.length).toBeGreaterThan(0.95);
  });
});
