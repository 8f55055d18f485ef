import { describe, expect, it } from 'vitest';
import type { Entity } from '../../extract/extraction.schema.ts';
import { twinMentions } from './twin-mentions.ts';

/** The text with each «[word|normal]» a place entity. */
function marked(source: string): { text: string; entities: Entity[] } {
  const entities: Entity[] = [];
  let text = '';
  let rest = source;
  for (
    let match = /\[([^|\]]+)\|([^\]]+)\]/.exec(rest);
    match;
    match = /\[([^|\]]+)\|([^\]]+)\]/.exec(rest)
  ) {
    text += rest.slice(0, match.index);
    entities.push({
      start: text.length,
      end: text.length + match[1]!.length,
      type: 'LOC',
      text: match[1]!,
      normal: match[2]!,
    });
    text += match[1];
    rest = rest.slice(match.index + match[0].length);
  }
  return { text: text + rest, entities };
}

describe('the twin cities a release names', () => {
  it('reads «город-побратим X» in any case, and «побратимом X», as a tie that holds', () => {
    const { text, entities } = marked(
      'Делегация посетила город-побратим [Кузнецк|Кузнецк]. Встреча с городом-побратимом [Кинешмой|Кинешма]. ' +
        '[Гомель|Гомель] давно стал побратимом [Клинцов|Клинцы].',
    );
    expect(twinMentions(text, entities).map(({ city, status }) => [city, status])).toEqual([
      ['Кузнецк', 'active'],
      ['Кинешма', 'active'],
      ['Клинцы', 'active'],
    ]);
  });

  it('takes a wish to become twins for a proposal, and the plural for no partner at all', () => {
    const { text, entities } = marked(
      'Стороны договорились рассмотреть предложение стать городом-побратимом [Кутно|Кутно]. ' +
        'Отношения между городами-побратимами [Барановичи|Барановичи] и Кузнецк крепнут.',
    );
    expect(twinMentions(text, entities)).toEqual([
      { city: 'Кутно', status: 'proposed', span: [text.indexOf('городом'), text.indexOf('Кутно') + 5] },
    ]);
  });
});
