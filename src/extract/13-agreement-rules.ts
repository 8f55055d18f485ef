/** Agreement rules: the document nouns, what follows them, and the kind each names. */
import type { Agreement } from './extraction.schema.ts';

/** An agreement rule: a head lemma, an optional test on the words after it, the kind. */
export interface AgreementRule {
  id: string;
  nouns: string[];
  /** Tested on the lower-case text of the next few words. */
  after?: RegExp;
  /** Tested on the word before the noun. */
  before?: RegExp;
  kind: Agreement['kind'];
}

/** The first rule that matches a noun decides its kind. */
export const AGREEMENT_RULES: AgreementRule[] = [
  // Главы городов подписали соглашение о побратимстве (об установлении побратимских связей).
  {
    id: 'agr.twinning',
    nouns: ['соглашение', 'договор', 'меморандум', 'хартия'],
    after:
      /^(о|об)\s+(побратимств|установлении\s+(побратимск|породненн|дружественн)|породнени)|^о\s+сотрудничестве\s+и\s+побратимств/,
    kind: 'twinning',
  },
  // Стороны поставили подписи под меморандумом о сотрудничестве (о намерениях).
  { id: 'agr.memorandum', nouns: ['меморандум'], kind: 'memorandum' },
  // Утвержден план совместных мероприятий на 2026–2027 годы.
  {
    id: 'agr.plan',
    nouns: ['план'],
    after: /^(совместн|мероприяти|действи|сотрудничеств|работ|взаимодейств|обмен)/,
    kind: 'plan',
  },
  // Подписана программа сотрудничества на 2025–2027 годы.
  {
    id: 'agr.programme',
    nouns: ['программа'],
    after: /^(сотрудничеств|совместн|мероприяти|развития|взаимодейств)/,
    kind: 'plan',
  },
  // Скрепили подписями дорожную карту сотрудничества.
  { id: 'agr.roadmap', nouns: ['карта'], before: /^дорожн/, kind: 'plan' },
  // Подписан протокол о намерениях.
  { id: 'agr.protocol', nouns: ['протокол'], kind: 'protocol' },
  // Заключен договор о партнерском сотрудничестве; соглашение о дружбе и сотрудничестве.
  { id: 'agr.cooperation', nouns: ['соглашение', 'договор', 'договоренность'], kind: 'cooperation' },
];

/** Verbs (lemma prefixes, lower case) that say a document was signed or approved. */
export const SIGNING = /^(подписа|подпиш|подписыва|заключ|утверд|утвержд|скрепил|скреплен|ратифиц|парафир)/;
/** «поставили подписи», «скрепили подписями». */
export const SIGNATURES = /^подпис(и|ями|ей)$/;
/** Sentences that only plan or discuss a signing. */
export const NOT_SIGNED =
  /^(обсуд|обсужд|возможност|подготов|проработ|рассмотр|намерен[ыа]?$|готовит|предложил)/;
