import type {
  AgreementKind,
  AgreementStatus,
  EventKind,
  Sphere,
  TwinningTier,
  VisitKind,
  VisitStatus,
} from '../../db/database.ts';
import type { LegalFrame, PlanOutcome } from './annual-report.data.ts';

/** Russian words for the registry's codes, as the report prints them. */
export const TIER_RU: Record<TwinningTier, string> = {
  twin: 'побратимство',
  partner: 'партнёрство',
  friendship: 'дружественные связи',
};

export const AGREEMENT_KIND_RU: Record<AgreementKind, string> = {
  twinning: 'побратимство',
  cooperation: 'сотрудничество',
  memorandum: 'меморандум',
  plan: 'план мероприятий',
  protocol: 'протокол',
  other: 'иное',
};

export const AGREEMENT_STATUS_RU: Record<AgreementStatus, string> = {
  draft: 'проект',
  in_force: 'действует',
  expired: 'срок истёк',
  terminated: 'расторгнуто',
};

export const VISIT_KIND_RU: Record<VisitKind, string> = {
  official: 'официальный визит',
  working: 'рабочий визит',
  business: 'деловой визит',
  other: 'визит',
};

export const VISIT_STATUS_RU: Record<VisitStatus, string> = {
  planned: 'запланирован',
  done: 'состоялся',
  cancelled: 'отменён',
};

export const EVENT_KIND_RU: Record<EventKind, string> = {
  city_day: 'день города',
  anniversary: 'юбилей',
  festival: 'фестиваль',
  forum: 'форум',
  concert: 'концерт',
  exhibition: 'выставка',
  competition: 'конкурс',
  conference: 'конференция',
  other: 'мероприятие',
};

export const SPHERE_RU: Record<Sphere, string> = {
  education: 'Образование',
  culture: 'Культура',
  sport: 'Спорт',
  industry: 'Промышленность',
  health: 'Здравоохранение',
  business: 'Предпринимательство',
  government: 'Государственное управление',
  media: 'Средства массовой информации',
  science: 'Наука',
  other: 'Иные сферы',
};

export const PLAN_OUTCOME_RU: Record<PlanOutcome, string> = {
  done: 'выполнено',
  done_late: 'выполнено с нарушением срока',
  slipped: 'не выполнено в срок',
  cancelled: 'отменено',
  pending: 'срок не наступил',
};

/** The one neutral line on what the report answers to; none for countries without such a duty known here. */
export function legalFrameLine(frame: LegalFrame): string | null {
  switch (frame) {
    case 'russia':
      return 'Сведения об осуществлении международных и внешнеэкономических связей муниципального образования (статья 69.5 Федерального закона № 131-ФЗ).';
    case 'belarus':
      return 'Информация для представления в областной исполнительный комитет.';
    case 'other':
      return null;
    default: {
      const unknown: never = frame;
      throw new Error(`Unhandled legal frame ${String(unknown)}`);
    }
  }
}
