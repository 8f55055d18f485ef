/**
 * Persons' and cities' names in the cases of Russian prose: «Вадимом Щербаковым», «Ольги Ивановой»,
 * «из Барановичей», «в Кузнецке», «в Великом Новгороде»; indeclinable names («Гродно», a woman's
 * «Антонюк») stay as they are.
 */
import type { AzParse } from 'az';
import { has } from '../../extract/02-morphology.ts';
import { splitFullName } from '../../modules/persons/person-name.ts';
import {
  adjectiveParse,
  agreementOf,
  inflectAdjective,
  inflectNoun,
  isNominative,
  isNounParse,
  nounParse,
  wordParses,
  type Case,
  type Gender,
} from './inflect-words.ts';

const INITIAL = /^\p{Lu}\.$/u;
const ENDS_IN_CONSONANT = /[бвгджзйклмнпрстфхцчшщ]$/iu;

function nominativeParses(word: string, pred: (p: AzParse) => boolean): AzParse[] {
  return wordParses(word).filter((p) => isNominative(p) && pred(p));
}

/** A person's gender: from the first name, else the patronymic, else the surname; undefined when none tells. */
export function personGender(fullName: string): Gender | undefined {
  const { firstName, patronymic, lastName } = splitFullName(fullName);
  const single = (word: string | null, mark: string): Gender | undefined => {
    if (!word) return undefined;
    const genders = new Set(
      nominativeParses(word, (p) => isNounParse(p) && has(p, mark) && !has(p, 'Ms-f')).map(
        (p) => agreementOf(p).gender,
      ),
    );
    return genders.size === 1 ? [...genders][0] : undefined;
  };
  const fromSurname =
    lastName && /(?:ова|ева|ёва|ина|ына|ская|цкая|ая)$/u.test(lastName) ? 'femn' : undefined;
  return (
    single(firstName, 'Name') ?? single(patronymic, 'Patr') ?? fromSurname ?? (lastName ? 'masc' : undefined)
  );
}

function inflectFirstName(word: string, gender: Gender, target: Case): string {
  const parse =
    nominativeParses(word, (p) => has(p, 'Name') && has(p, gender))[0] ??
    nominativeParses(word, (p) => has(p, 'Name'))[0];
  return parse ? inflectNoun(word, parse, target) : word;
}

function inflectPatronymic(word: string, gender: Gender, target: Case): string {
  const parse = nominativeParses(word, (p) => has(p, 'Patr') && has(p, gender))[0];
  return parse ? inflectNoun(word, parse, target) : word;
}

/** A surname in a case; a woman's surname ending in a consonant («Антонюк», «Шевчук») does not decline. */
export function inflectSurname(word: string, gender: Gender, target: Case): string {
  if (word.includes('-')) {
    return word
      .split('-')
      .map((part) => inflectSurname(part, gender, target))
      .join('-');
  }
  if (target === 'nomn' || (gender === 'femn' && ENDS_IN_CONSONANT.test(word))) return word;
  const nouns = nominativeParses(word, (p) => isNounParse(p) && (has(p, gender) || has(p, 'Ms-f')));
  const surname = nouns.find((p) => has(p, 'Surn'));
  if (surname) return inflectNoun(word, surname, target);
  // «Козловская», «Толстой»: surnames that decline as adjectives.
  const adjective = adjectiveParse(word, { gender, number: 'sing', animate: true });
  if (adjective) return inflectAdjective(word, adjective, target, { gender, number: 'sing', animate: true });
  // «Осипович» is known as a patronymic, «Жук» as a common noun: they decline the same way.
  const noun = nouns.find((p) => has(p, 'sing') && !has(p, 'Fixd'));
  return noun ? inflectNoun(word, noun, target) : word;
}

/**
 * A person's name in a case, word order and initials kept: «Вадим Щербаков» → «Вадимом Щербаковым»,
 * «Иванова Ольга Петровна» → «Ивановой Ольги Петровны», «А. Н. Радищев» → «А. Н. Радищева».
 */
export function inflectPersonName(fullName: string, target: Case): string {
  if (target === 'nomn') return fullName;
  const words = fullName.trim().split(/\s+/);
  const gender = personGender(fullName) ?? 'masc';
  const { firstName, patronymic, lastName } = splitFullName(fullName);
  if (!firstName && !patronymic && !lastName && words.length !== 1) return fullName;
  return words
    .map((word) => {
      if (INITIAL.test(word)) return word;
      if (word === firstName) return inflectFirstName(word, gender, target);
      if (word === patronymic) return inflectPatronymic(word, gender, target);
      if (word === lastName || words.length === 1) return inflectSurname(word, gender, target);
      return word;
    })
    .join(' ');
}

// Only a name az knows as a place (or as a noun from its dictionary) declines: a guess at an unknown
// foreign name would be worse than the nominative.
function placeParse(word: string): AzParse | undefined {
  const parse = nounParse(word, ['Geox']);
  return parse && (has(parse, 'Geox') || parse.parser === 'Dictionary') ? parse : undefined;
}

function inflectPlace(word: string, target: Case): string {
  const parse = placeParse(word);
  return parse ? inflectNoun(word, parse, target) : word;
}

/** Whether the morphology knows the city's name (every word of it), so its cases can be trusted. */
export function cityKnown(name: string): boolean {
  const words = name.trim().split(/\s+/);
  const last = words.pop()!;
  return !!placeParse(last) && (words.length === 0 || inflectCityName(name, 'gent') !== name);
}

/**
 * A city's name in a case: «Барановичи» → «Барановичей», «Кузнецк» → «Кузнецке», «Великий Новгород»
 * → «Великом Новгороде», «Гродно» → «Гродно». A name it cannot read is returned unchanged.
 */
export function inflectCityName(name: string, target: Case): string {
  if (target === 'nomn') return name;
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return inflectPlace(words[0]!, target);
  const last = words[words.length - 1]!;
  const head = nounParse(last, ['Geox']);
  if (!head) return name;
  const agreement = agreementOf(head);
  const out: string[] = [];
  for (const word of words.slice(0, -1)) {
    const adjective = adjectiveParse(word, agreement);
    // «Набережные Челны»: two plural nouns side by side, both declined.
    const noun = nominativeParses(
      word,
      (p) => isNounParse(p) && agreementOf(p).number === agreement.number,
    )[0];
    if (adjective) out.push(inflectAdjective(word, adjective, target, agreement));
    else if (noun && agreement.number === 'plur') out.push(inflectNoun(word, noun, target));
    else return name;
  }
  return [...out, inflectNoun(last, head, target)].join(' ');
}

/**
 * A city's name after «город» or «г.» in a case: singular one-word names follow the case («города
 * Кузнецка»), plural and compound ones keep the nominative, as official Russian writes them («города
 * Барановичи», «города Великий Новгород»).
 */
export function inflectCityAfterWord(name: string, target: Case): string {
  const words = name.trim().split(/\s+/);
  if (words.length > 1) return name;
  const parse = nounParse(name, ['Geox']);
  if (!parse || agreementOf(parse).number === 'plur') return name;
  return inflectCityName(name, target);
}
