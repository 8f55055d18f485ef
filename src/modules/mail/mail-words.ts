/**
 * The words of the letters Pobratim sends, in the three interface languages. Letters are written on
 * the server, in the recipient's language (their account's locale), so they live here and not in the
 * web application's resources.
 */
export type MailLanguage = 'ru' | 'be' | 'en';

export function mailLanguage(locale: string | null | undefined): MailLanguage {
  return locale === 'be' || locale === 'en' ? locale : 'ru';
}

interface Words {
  testSubject: string;
  testBody: string;
  assignedSubject: (title: string) => string;
  assignedIntro: (who: string) => string;
  agreement: string;
  due: string;
  noDue: string;
  open: string;
  dailySubject: (date: string) => string;
  weeklySubject: (date: string) => string;
  dailyIntro: (date: string) => string;
  weeklyIntro: (from: string, to: string) => string;
  assignedToYou: string;
  overdue: string;
  agreements: string;
  comingUp: string;
  changeChoice: string;
  footer: string;
  reminder: {
    cityDay: (city: string) => string;
    jubilee: (city: string, years: number) => string;
    anniversary: (city: string, years: number) => string;
    agreementEnding: (title: string, date: string) => string;
    agreementEnded: (title: string, date: string) => string;
    planDue: (title: string, date: string) => string;
    planLate: (title: string, date: string) => string;
    quiet: (city: string) => string;
  };
}

export const WORDS: Record<MailLanguage, Words> = {
  ru: {
    testSubject: 'Pobratim: проверочное письмо',
    testBody: 'Это проверочное письмо Pobratim. Если вы его читаете, почта настроена верно.',
    assignedSubject: (title) => `Вам поручен пункт плана: ${title}`,
    assignedIntro: (who) => `${who} поручил(а) вам пункт плана совместных мероприятий.`,
    agreement: 'Соглашение',
    due: 'Срок',
    noDue: 'без срока',
    open: 'Открыть в Pobratim',
    dailySubject: (date) => `Pobratim: сводка на ${date}`,
    weeklySubject: (date) => `Pobratim: сводка на неделю с ${date}`,
    dailyIntro: (date) => `Сводка на ${date}.`,
    weeklyIntro: (from, to) => `Сводка на неделю: ${from} — ${to}.`,
    assignedToYou: 'Поручено вам',
    overdue: 'Просрочено',
    agreements: 'Соглашения: нужно действие',
    comingUp: 'Предстоит',
    changeChoice: 'Изменить или отключить сводку можно в профиле',
    footer: 'Письмо отправлено Pobratim, реестром городов-побратимов.',
    reminder: {
      cityDay: (city) => `День города ${city}`,
      jubilee: (city, years) => `${years} лет со дня основания: ${city}`,
      anniversary: (city, years) => `${years} лет побратимства: ${city}`,
      agreementEnding: (title, date) => `Истекает соглашение «${title}» (${date})`,
      agreementEnded: (title, date) => `Истекло соглашение «${title}» (${date})`,
      planDue: (title, date) => `Срок пункта плана «${title}»: ${date}`,
      planLate: (title, date) => `Просрочен пункт плана «${title}» (срок ${date})`,
      quiet: (city) => `Давно нет совместных дел: ${city}`,
    },
  },
  be: {
    testSubject: 'Pobratim: праверачны ліст',
    testBody: 'Гэта праверачны ліст Pobratim. Калі вы яго чытаеце, пошта наладжана правільна.',
    assignedSubject: (title) => `Вам даручаны пункт плана: ${title}`,
    assignedIntro: (who) => `${who} даручыў(-ла) вам пункт плана сумесных мерапрыемстваў.`,
    agreement: 'Пагадненне',
    due: 'Тэрмін',
    noDue: 'без тэрміну',
    open: 'Адкрыць у Pobratim',
    dailySubject: (date) => `Pobratim: зводка на ${date}`,
    weeklySubject: (date) => `Pobratim: зводка на тыдзень з ${date}`,
    dailyIntro: (date) => `Зводка на ${date}.`,
    weeklyIntro: (from, to) => `Зводка на тыдзень: ${from} — ${to}.`,
    assignedToYou: 'Даручана вам',
    overdue: 'Пратэрмінавана',
    agreements: 'Пагадненні: патрэбна дзеянне',
    comingUp: 'Наперадзе',
    changeChoice: 'Змяніць або адключыць зводку можна ў профілі',
    footer: 'Ліст адпраўлены Pobratim, рэестрам гарадоў-пабрацімаў.',
    reminder: {
      cityDay: (city) => `Дзень горада ${city}`,
      jubilee: (city, years) => `${years} гадоў з дня заснавання: ${city}`,
      anniversary: (city, years) => `${years} гадоў пабрацімства: ${city}`,
      agreementEnding: (title, date) => `Сканчаецца пагадненне «${title}» (${date})`,
      agreementEnded: (title, date) => `Скончылася пагадненне «${title}» (${date})`,
      planDue: (title, date) => `Тэрмін пункта плана «${title}»: ${date}`,
      planLate: (title, date) => `Пратэрмінаваны пункт плана «${title}» (тэрмін ${date})`,
      quiet: (city) => `Даўно няма сумесных спраў: ${city}`,
    },
  },
  en: {
    testSubject: 'Pobratim: test letter',
    testBody: 'This is a test letter from Pobratim. If you are reading it, mail is set up correctly.',
    assignedSubject: (title) => `A plan item was assigned to you: ${title}`,
    assignedIntro: (who) => `${who} assigned you an item of a plan of joint activities.`,
    agreement: 'Agreement',
    due: 'Due',
    noDue: 'no deadline',
    open: 'Open in Pobratim',
    dailySubject: (date) => `Pobratim: digest for ${date}`,
    weeklySubject: (date) => `Pobratim: digest for the week from ${date}`,
    dailyIntro: (date) => `Your digest for ${date}.`,
    weeklyIntro: (from, to) => `Your digest for the week ${from} – ${to}.`,
    assignedToYou: 'Assigned to you',
    overdue: 'Overdue',
    agreements: 'Agreements needing action',
    comingUp: 'Coming up',
    changeChoice: 'Change or turn off the digest in your profile',
    footer: 'Sent by Pobratim, the registry of twin cities.',
    reminder: {
      cityDay: (city) => `${city} city day`,
      jubilee: (city, years) => `${city}: ${years} years since its founding`,
      anniversary: (city, years) => `${years} years of twinning with ${city}`,
      agreementEnding: (title, date) => `The agreement “${title}” ends on ${date}`,
      agreementEnded: (title, date) => `The agreement “${title}” ended on ${date}`,
      planDue: (title, date) => `The plan item “${title}” is due on ${date}`,
      planLate: (title, date) => `The plan item “${title}” is overdue (due ${date})`,
      quiet: (city) => `No joint activity with ${city} for a long time`,
    },
  },
};

/** A calendar date (`YYYY-MM-DD`) as the language writes it: «8 декабря 2026 г.», «8 December 2026». */
export function formatMailDate(date: string, language: MailLanguage): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}
