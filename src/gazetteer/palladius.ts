/**
 * Pinyin to the Palladius system, the way Russian writes Chinese place names: Shenzhen «Шэньчжэнь»,
 * Changsha «Чанша», Chongqing «Чунцин», Xi'an «Сиань». GeoNames gives Chinese places their pinyin
 * name and an assortment of Cyrillic alternates, several of them letter-for-letter transliterations
 * of the pinyin («Чангша», «Ханджоу») that no Russian text uses. No npm package converts pinyin to
 * Palladius, hence the table here: an initial's letters, then the final's, with the few spellings
 * that depend on the initial.
 */

const INITIALS: Record<string, string> = {
  zh: 'чж',
  ch: 'ч',
  sh: 'ш',
  b: 'б',
  p: 'п',
  m: 'м',
  f: 'ф',
  d: 'д',
  t: 'т',
  n: 'н',
  l: 'л',
  g: 'г',
  k: 'к',
  h: 'х',
  j: 'цз',
  q: 'ц',
  x: 'с',
  r: 'ж',
  z: 'цз',
  c: 'ц',
  s: 'с',
  y: '',
  w: '',
};

const FINALS: Record<string, string> = {
  a: 'а',
  o: 'о',
  e: 'э',
  ai: 'ай',
  ei: 'эй',
  ao: 'ао',
  ou: 'оу',
  an: 'ань',
  en: 'энь',
  ang: 'ан',
  eng: 'эн',
  ong: 'ун',
  er: 'эр',
  i: 'и',
  ia: 'я',
  ie: 'е',
  iao: 'яо',
  iu: 'ю',
  ian: 'янь',
  in: 'инь',
  iang: 'ян',
  ing: 'ин',
  iong: 'юн',
  u: 'у',
  ua: 'уа',
  uo: 'о',
  uai: 'уай',
  ui: 'уй',
  uan: 'уань',
  un: 'унь',
  uang: 'уан',
  ue: 'юэ',
  v: 'юй',
};

/** Syllables with y- and w-, which spell a final alone. */
const Y_W: Record<string, string> = {
  ya: 'я',
  yao: 'яо',
  ye: 'е',
  yi: 'и',
  you: 'ю',
  yan: 'янь',
  yin: 'инь',
  yang: 'ян',
  ying: 'ин',
  yong: 'юн',
  yu: 'юй',
  yue: 'юэ',
  yuan: 'юань',
  yun: 'юнь',
  wa: 'ва',
  wo: 'во',
  wu: 'у',
  wai: 'вай',
  wei: 'вэй',
  wan: 'вань',
  wen: 'вэнь',
  wang: 'ван',
  weng: 'вэн',
};

/** One syllable in Palladius, or null when it is not a pinyin syllable. */
function syllable(text: string): string | null {
  if (Y_W[text] !== undefined) return Y_W[text]!;
  const initial = ['zh', 'ch', 'sh'].find((i) => text.startsWith(i)) ?? text[0]!;
  if (INITIALS[initial] === undefined || initial === 'y' || initial === 'w') {
    return FINALS[text] !== undefined && text !== 'v' ? FINALS[text]! : null;
  }
  const final = text.slice(initial.length);
  if (FINALS[final] === undefined) return null;
  const palatal = initial === 'j' || initial === 'q' || initial === 'x';
  if (final === 'i' && (initial === 'z' || initial === 'c' || initial === 's'))
    return `${INITIALS[initial]}ы`;
  if (palatal && final === 'u') return `${INITIALS[initial]}юй`;
  if (palatal && final === 'uan') return `${INITIALS[initial]}юань`;
  if (palatal && final === 'un') return `${INITIALS[initial]}юнь`;
  if (palatal && /^(a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|ua|uo|ui|uai|uang)$/.test(final)) return null;
  return INITIALS[initial]! + FINALS[final]!;
}

/**
 * The Palladius spelling of a pinyin name («Shenzhen», «Ma'anshan», «Xi'an»), or null when the
 * name does not split into pinyin syllables («Hohhot», «Harbin»). Inside a word a syllable starts
 * with a consonant, y or w unless an apostrophe marks it off (pinyin's own rule: «Jinan» is Ji-nan,
 * «Xi'an» Xi-an); after a syllable in -ng, one that starts with a vowel sound takes «ъ»
 * (Qingyuan «Цинъюань», Dongying «Дунъин»).
 */
export function pinyinToPalladius(name: string): string | null {
  // Pinyin writes no hyphens: «Shangri-La» is an English name.
  if (name.includes('-')) return null;
  const words = name
    .toLowerCase()
    .replace(/ü/g, 'v')
    .split(/[\s-]+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) return null;
  const out: string[] = [];
  for (const word of words) {
    const pinyin: string[] = [];
    for (const piece of word.split(/['’]/)) {
      const split = splitSyllables(piece, true);
      if (!split) return null;
      pinyin.push(...split);
    }
    let text = '';
    for (const [i, part] of pinyin.entries()) {
      const separated = i > 0 && pinyin[i - 1]!.endsWith('ng') && /^[aoeyw]/.test(part);
      text += (separated ? 'ъ' : '') + syllable(part)!;
    }
    out.push(text.charAt(0).toUpperCase() + text.slice(1));
  }
  return out.join(' ');
}

/** Pinyin syllables of a word, longest first, or null when it does not split. */
function splitSyllables(word: string, first: boolean): string[] | null {
  if (word.length === 0) return [];
  if (!/^[a-z]+$/.test(word)) return null;
  if (!first && /^[aoeiuv]/.test(word)) return null;
  for (let end = Math.min(6, word.length); end >= 1; end--) {
    const head = word.slice(0, end);
    if (syllable(head) === null) continue;
    const rest = splitSyllables(word.slice(end), false);
    if (rest) return [head, ...rest];
  }
  return null;
}
