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
  // Главы городов подписали соглашение о побратимстве (об установлении побратимских связей);
  // a memorandum of twinning stays a memorandum: the document's kind wins over its purpose.
  {
    id: 'agr.twinning',
    nouns: ['соглашение', 'договор', 'хартия'],
    after:
      /^(о|об)\s+(побратимств|побратимск|установлении\s+(побратимск|породненн|дружественн)|породнени)|^о\s+сотрудничестве\s+и\s+побратимств/,
    kind: 'twinning',
  },
  // Стороны поставили подписи под меморандумом о сотрудничестве (о намерениях).
  { id: 'agr.memorandum', nouns: ['меморандум'], kind: 'memorandum' },
  // Подписано соглашение о намерениях: a memorandum by another name (a protocol stays a protocol).
  {
    id: 'agr.intentions',
    nouns: ['соглашение', 'договор'],
    after: /^(о|об)\s+намерени/,
    kind: 'memorandum',
  },
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
  // «Соответствующие документы стороны подписали»: documents of no named kind, their parties
  // usually in the sentence before.
  { id: 'agr.documents', nouns: ['документ'], kind: 'cooperation' },
];

/** Verbs (lemma prefixes, lower case) that say a document was signed or approved. */
export const SIGNING = /^(подписа|подпиш|подписыва|заключ|утверд|утвержд|скрепил|скреплен|ратифиц|парафир)/;
/** «поставили подписи», «скрепили подписями». */
export const SIGNATURES = /^подпис(и|ями|ей)$/;
/** Sentences that only plan or discuss a signing. */
export const NOT_SIGNED =
  /^(обсуд|обсужд|возможност|подготов|проработ|рассмотр|намерен[ыа]?$|готовит|предложил|цель$|целью$|собира|планиру|запланирова|состоится|предстоит|намерева)/;
/** «будет подписан», «будут подписаны»: a signing yet to come. */
export const FUTURE = /^(будет|будут|станет|стане)$/;

/** Party names that say nothing on their own: «исполком», «администрация», «район». */
export const GENERIC_PARTY =
  /^(исполком|горисполком|райисполком|администрация|мэрия|хокимият|акимат|район|область|город|стороны|сторона|районный исполнительный комитет|городской исполнительный комитет)$/i;

/** «в рамках соглашения, подписанного на уровне глав государств»: a document of states, not of towns. */
export const STATE_LEVEL =
  /на\s+уровне\s+(глав|руководител|президент|правительств)\p{L}*\s*(государств|стран)?/iu;

/** «подписанные с 15 учреждениями»: counted partners the text does not name. */
export const COUNTED_PARTNERS = /(^|\s)(с|со)\s+\d+\s/u;

/** A sentence of sightseeing: the institutions in it were visited, they signed nothing. */
export const VISITED =
  /^(посетил|посетили|побывал|побывали|осмотрел|осмотрели|ознакомил|ознакомились|экскурси)/;
