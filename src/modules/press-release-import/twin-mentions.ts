import type { Entity } from '../../extract/extraction.schema.ts';

/** A city a press release calls the home city's twin, and whether the tie is agreed or only sought. */
export interface TwinMention {
  /** The city's name in the nominative, as the extractor normalized it. */
  city: string;
  status: 'proposed' | 'active';
  span: [number, number];
}

// «город-побратим Кузнецк», «в город-побратим», «с городом-побратимом Кузнецком», «побратимом Кузнецка»
// (one city: the plural «городами-побратимами» names no partner).
const TWIN_WORDS = /(?<![\p{L}-])(?:город(?:а|у|ом|е)?-)?побратим(?:а|у|ом|е)?(?![\p{L}-])\s*/giu;
// Words before the mention that make it a wish, not a tie: «предложили стать городом-побратимом».
const SOUGHT = /(?<!\p{L})(?:стать|станет|станут|предлаг|предлож|намерен|планиру|хотели\s+бы|рассматрива)/iu;
const SOUGHT_WITHIN = 60;

/**
 * The cities a release names as the home city's twin («город-побратим X», «побратимом X»,
 * «городом-побратимом X»): each place entity that follows such words directly, once per city.
 * The tie is `proposed` when the sentence before the words seeks it («предложили стать …»), else
 * `active` (the text states it).
 */
export function twinMentions(text: string, entities: Entity[]): TwinMention[] {
  const places = entities.filter((entity) => entity.type === 'LOC');
  const found: TwinMention[] = [];
  for (const match of text.matchAll(TWIN_WORDS)) {
    const end = match.index + match[0].length;
    const place = places.find((entity) => entity.start === end);
    if (!place) continue;
    const sentenceStart = Math.max(text.lastIndexOf('.', match.index) + 1, match.index - SOUGHT_WITHIN);
    const status = SOUGHT.test(text.slice(sentenceStart, match.index)) ? 'proposed' : 'active';
    const known = found.find((mention) => mention.city === place.normal);
    if (known) {
      if (status === 'active') known.status = 'active';
      continue;
    }
    found.push({ city: place.normal, status, span: [match.index, place.end] });
  }
  return found;
}
