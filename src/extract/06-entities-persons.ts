/** Person rules for the entity pass: the name rules of pass 4, foreign names, Latin names. */
import type { Token } from './01-tokens.ts';
import { parsesOf } from './02-morphology.ts';
import { personAt } from './04-persons.ts';
import { TITLE_NOUNS } from './05-titles.ts';
import { namesNominative, personNormal } from './06-entities-normal.ts';
import { latinNameAt } from './06-entities-latin.ts';
import {
  PROFESSIONS,
  aloneOk,
  extend,
  foreignPart,
  isVehicle,
  nameish,
  placeLike,
  townHere,
} from './06-entities-person-parts.ts';
import {
  isCapWord,
  nounIn,
  isCommonWord,
  isUnknownWord,
  sentenceInitial,
  spanText,
  type Rule,
} from './06-entities-words.ts';

/** Person rules, tried in this order at each token. */
export const PERSON_RULES_06: Rule[] = [
  // Письмо подписали John Smith и Mary Brown.
  {
    id: 'per.latin',
    type: 'PER',
    at(tokens, i) {
      const m = latinNameAt(tokens, i);
      return m?.person ? { first: m.first, last: m.last, normal: m.normal } : undefined;
    },
  },
  // Делегацию возглавил Вадим Николаевич Щербаков; гостей встретила Марин Ле Пен.
  {
    id: 'per.rules',
    type: 'PER',
    at(tokens, i, ctx) {
      if (!tokens[i]?.cap) return undefined;
      const p = personAt(tokens, i, (_id, t) => aloneOk(t));
      if (!p) return undefined;
      for (let k = p.first; k < p.last; k++) if (ctx.taken[k]) return undefined;
      // «Израиля Биньямин Нетаньяху»: a place or a common word is no surname before a first name.
      const head = tokens[i] as Token;
      if (
        p.rule.startsWith('per.surn-') &&
        (parsesOf(head)[0]?.tag.Surn !== true || TITLE_NOUNS.has(head.lower))
      )
        return undefined;
      if (p.last - p.first > 1 && placeLike(head) && personAt(tokens, i + 1, () => false)) return undefined;
      // «G. Из-за …»: a word the dictionary knows as no name part is no surname.
      for (let k = p.first; k < p.last && p.rule.includes('init'); k++) {
        const w = tokens[k] as Token;
        if (w.text.length > 1 && !nameish(w) && isCommonWord(w)) return undefined;
      }
      // A lone name that the gazetteer knows as a town after «в», «из» is the town («в Грозном»).
      if (p.last - p.first === 1 && (isVehicle(tokens[i - 1]) || townHere(tokens, i, ctx.cities)))
        return undefined;
      const [first, last] = extend(tokens, p.first, p.last, ctx.taken);
      const full = personNormal(tokens, p);
      const normal = last > p.last ? `${full} ${spanText(tokens, p.last, last)}` : full;
      return { first, last, normal };
    },
  },
  // Ответил тренер Хиддинк; с писателем Бернсом встретился министр Хван.
  {
    id: 'per.after-title',
    type: 'PER',
    at(tokens, i, ctx) {
      const t = tokens[i];
      const title = tokens[i - 1];
      if (!isCapWord(t) || t.latin || !title || title.sent !== t.sent || sentenceInitial(tokens, i))
        return undefined;
      const role = nounIn(title, TITLE_NOUNS) ?? nounIn(title, PROFESSIONS);
      if (!role || parsesOf(t).some((p) => p.parser === 'Dictionary' && (p.tag.Geox || p.tag.Orgn)))
        return undefined;
      if (!nameish(t) && isCommonWord(t)) return undefined;
      const [first, last] = extend(tokens, i, i + 1, ctx.taken);
      const gender = role.tag.GNdr === 'femn' ? 'femn' : 'masc';
      return { first, last, normal: namesNominative(tokens, first, last, role.tag.CAse ?? 'nomn', gender) };
    },
  },
  // Председатель КНР Ху Цзиньтао встретился с Аун Сан Су Чжи.
  {
    id: 'per.foreign',
    type: 'PER',
    at(tokens, i, ctx) {
      const t = tokens[i];
      if (!foreignPart(t, ctx.taken) || (sentenceInitial(tokens, i) && !nameish(t))) return undefined;
      const [first, last] = extend(tokens, i, i + 1, ctx.taken);
      if (last - first < 2) return undefined;
      const unknown = tokens.slice(first, last).filter((w) => isUnknownWord(w)).length;
      return unknown ? { first, last, normal: spanText(tokens, first, last) } : undefined;
    },
  },
];
