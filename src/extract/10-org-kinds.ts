/** The organization gazetteer: head nouns (lemmas) of institution names and what each allows. */

/** How a head noun forms an organization name. */
export interface OrgKind {
  sphere:
    | 'education'
    | 'culture'
    | 'sport'
    | 'industry'
    | 'health'
    | 'business'
    | 'government'
    | 'media'
    | 'science';
  /** Genitive words that may follow the head: «дворец культуры», «школа искусств». */
  tail?: boolean;
  /** A body of the city itself: its city stays in the name («администрация города Кузнецка»). */
  body?: boolean;
  /** A body of power: listed only where it acts, not inside a title or a source line. */
  power?: boolean;
  /** Its seat may follow with «в»: «консульство России в Бресте». */
  seat?: boolean;
  /** A place rather than an institution («Барановичский район»): a party, not an organization. */
  place?: boolean;
  /** The head counts only after one of these adjective stems («библиотечная система»). */
  needs?: RegExp;
}

const k = (sphere: OrgKind['sphere'], extra: Partial<OrgKind> = {}): OrgKind => ({ sphere, ...extra });

/** Head lemmas: «гимназией № 5» is headed by «гимназия». */
export const ORG_KINDS: ReadonlyMap<string, OrgKind> = new Map<string, OrgKind>([
  // Гимназия № 5 подписала договор с лицеем № 21; средняя школа № 1 и школа искусств.
  ['школа', k('education', { tail: true })],
  ['школа-интернат', k('education')],
  ['гимназия', k('education')],
  ['лицей', k('education')],
  ['колледж', k('education', { tail: true })],
  ['техникум', k('education')],
  ['училище', k('education', { tail: true })],
  ['университет', k('education', { tail: true })],
  ['институт', k('science', { tail: true })],
  ['академия', k('education', { tail: true })],
  ['сад', k('education', { needs: /^детск/ })],
  ['ясли-сад', k('education')],
  // Краеведческий музей, центральная городская библиотека, Дворец культуры, драматический театр.
  ['библиотека', k('culture')],
  ['система', k('culture', { needs: /^библиотечн/ })],
  ['музей', k('culture', { tail: true })],
  ['театр', k('culture', { tail: true })],
  ['филармония', k('culture')],
  ['галерея', k('culture')],
  ['дворец', k('culture', { tail: true })],
  ['дом', k('culture', { tail: true, needs: /^(районн|городск|центральн)/ })],
  ['центр', k('culture', { tail: true })],
  // Историко-культурный комплекс «Линия Сталина», индустриальный парк «Авангард», кинотеатр «Гигант».
  [
    'комплекс',
    k('culture', { tail: true, needs: /^(музейн|историко|спортивн|культурн|выставочн|этнографич)/ }),
  ],
  ['парк', k('business', { needs: /^(индустриальн|технологическ|научн|промышленн)/ })],
  ['кинотеатр', k('culture')],
  ['спорткомплекс', k('sport')],
  // Общество белорусско-польской дружбы «Согласие»; региональное отделение общественной организации.
  ['общество', k('culture', { tail: true })],
  ['отделение', k('culture', { tail: true })],
  ['ассамблея', k('government', { tail: true })],
  // Генеральное консульство России в Бресте, посольство Беларуси.
  ['консульство', k('government', { tail: true, seat: true })],
  ['посольство', k('government', { tail: true, seat: true })],
  ['ансамбль', k('culture')],
  ['оркестр', k('culture')],
  ['хор', k('culture')],
  // Областная больница, городская поликлиника № 2.
  ['больница', k('health')],
  ['поликлиника', k('health')],
  ['госпиталь', k('health')],
  ['клиника', k('health')],
  // Хлебозавод, мясокомбинат, швейная фабрика «Элема», машиностроительный завод.
  ['завод', k('industry')],
  ['фабрика', k('industry')],
  ['комбинат', k('industry')],
  ['предприятие', k('industry')],
  ['холдинг', k('business')],
  ['компания', k('business')],
  ['стадион', k('sport')],
  ['клуб', k('sport')],
  ['редакция', k('media', { tail: true })],
  ['телерадиокомпания', k('media')],
  // Барановичский горисполком, администрация города Кузнецка, городской Совет депутатов, акимат.
  ['горисполком', k('government', { power: true, body: true })],
  ['райисполком', k('government', { power: true, body: true })],
  ['облисполком', k('government', { power: true, body: true })],
  ['исполком', k('government', { power: true, body: true })],
  ['администрация', k('government', { power: true, body: true, tail: true })],
  ['мэрия', k('government', { power: true, body: true })],
  ['муниципалитет', k('government', { power: true, body: true })],
  ['акимат', k('government', { power: true, body: true })],
  ['хокимият', k('government', { power: true, body: true })],
  ['совет', k('government', { power: true, body: true, tail: true })],
  ['дума', k('government', { power: true, body: true })],
  // Правительство Москвы, префектура Северного административного округа.
  ['правительство', k('government', { power: true, body: true })],
  // Исполнительный орган государственной власти города Душанбе.
  ['орган', k('government', { power: true, body: true, tail: true, needs: /^исполнительн/ })],
  ['префектура', k('government', { power: true, body: true, tail: true })],
  ['кенеш', k('government', { power: true, body: true })],
  ['маслихат', k('government', { power: true, body: true })],
  ['управление', k('government', { power: true, tail: true })],
  ['отдел', k('government', { power: true, tail: true })],
  ['комитет', k('government', { power: true, tail: true })],
  // Барановичский район и Кузнецкий муниципальный округ подписали соглашение.
  ['район', k('government', { place: true })],
  ['округ', k('government', { place: true })],
  ['область', k('government', { place: true })],
]);

/** Legal forms written before a quoted name: ГУО «Средняя школа № 3 г. Барановичи», ОАО «Беларуськалий». */
export const LEGAL_FORMS = new Set(
  'МВЦ ДК ГДК ГУО УО ГУ ГУК УК МБОУ МАОУ МОУ МБУ МБУК МАУ МБДОУ ГБОУ ГБУ ГАУК ОАО ЗАО ООО АО ПАО ЧУП УП РУП КУП СООО ИООО ОДО'.split(
    ' ',
  ),
);

/** Words after a head that belong to the next thing, not to the name. */
export const ORG_TAIL_STOP = new Set([
  'города',
  'г',
  'им',
  'имени',
  'нашего',
  'района',
  'области',
  'года',
  'делегации',
]);

/** Legal forms of companies: their name is the form and the quoted name together. */
export const COMPANY_FORMS = new Set('МВЦ ДК ГДК ОАО ЗАО ООО АО ПАО ЧУП УП РУП КУП СООО ИООО ОДО'.split(' '));
