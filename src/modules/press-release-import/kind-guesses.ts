import type { EventKind, OrganizationKind, Sphere } from '../../db/database.ts';

// Word stems of Russian institution names, most specific first: «детский сад» before «сад»,
// «средняя школа» is a school whatever else it says.
const ORGANIZATION_KINDS: Array<[RegExp, OrganizationKind]> = [
  [/гимнази/i, 'gymnasium'],
  [/лице[йяюе]/i, 'lyceum'],
  [/детск\S* сад|ясли/i, 'kindergarten'],
  [/школ/i, 'school'],
  [/колледж|техникум|училищ/i, 'college'],
  [/университет|институт|академи/i, 'university'],
  [/библиотек|библиотечн/i, 'library'],
  [/музе[йяюе]|музейн|галере/i, 'museum'],
  [/театр/i, 'theatre'],
  [/дом культуры|дворец культуры|центр культуры|клуб/i, 'culture_house'],
  [/исполком|администраци|мэри[яи]|правительств|управлени|министерств/i, 'administration'],
  [/совет|дума|кенеш|маслихат/i, 'council'],
  [/больниц|поликлиник|госпитал|медицинск/i, 'hospital'],
  [/спортивн|стадион|фок\b/i, 'sport_club'],
  [/завод|комбинат|фабрик|предприяти|холдинг|^[ОЗП]?АО\b|^ООО\b|ОАО|ЗАО/i, 'enterprise'],
  [/ассоциаци|союз|общество|фонд/i, 'association'],
  [/газет|телерадио|телеканал|радио|редакци/i, 'media'],
];

const SPHERE_OF: Record<OrganizationKind, Sphere> = {
  school: 'education',
  gymnasium: 'education',
  lyceum: 'education',
  college: 'education',
  university: 'education',
  kindergarten: 'education',
  library: 'culture',
  museum: 'culture',
  theatre: 'culture',
  culture_house: 'culture',
  enterprise: 'industry',
  hospital: 'health',
  sport_club: 'sport',
  administration: 'government',
  council: 'government',
  association: 'other',
  media: 'media',
  other: 'other',
};

/** The kind of an institution from its Russian name («гимназия № 5» is a gymnasium). */
export function organizationKindOf(name: string): OrganizationKind {
  return ORGANIZATION_KINDS.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}

/** The sphere an institution of this kind works in. */
export function sphereOf(kind: OrganizationKind): Sphere {
  return SPHERE_OF[kind];
}

const EVENT_KINDS: Array<[RegExp, EventKind]> = [
  [/(праздник|день) город/i, 'city_day'],
  [/юбиле|летие|годовщин/i, 'anniversary'],
  [/фестивал/i, 'festival'],
  [/форум/i, 'forum'],
  [/концерт|выступлени/i, 'concert'],
  [/выставк|экспозици/i, 'exhibition'],
  [/конкурс|турнир|соревнован|чемпионат|олимпиад/i, 'competition'],
  [/конференц|семинар|симпозиум/i, 'conference'],
];

/** The kind of an event from its Russian name («праздник города» is a city day). */
export function eventKindOf(name: string): EventKind {
  return EVENT_KINDS.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}
