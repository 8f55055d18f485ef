import type { TFunction } from 'i18next';
import type { Draft, DraftList, Proposal } from './import-api.ts';

/** Words about proposals shared by the cards and the highlights' tooltips. */
export interface ProposalWords {
  t: TFunction<'import'>;
  draft: Draft;
  percent: (value: number) => string;
  dateRange: (start: string | null, end: string | null) => string;
  /** The interface language («ru», «be», «en»): a place is named in it. */
  language: string;
  /** A country's name in the interface language. */
  countryName: (code: string) => string;
}

type Match = Proposal['matches'][number];
type Names = { ru: string | null; be: string | null; en: string };

function nameIn(language: string, names: Names): string {
  if (language === 'en') return names.en;
  if (language === 'be') return names.be ?? names.ru ?? names.en;
  return names.ru ?? names.en;
}

/** A matched record's name alone: a place's in the interface language, without its country. */
export function matchName(match: Match, language: string): string {
  return match.place ? nameIn(language, match.place.name) : match.label.replace(/ \(.*\)$/, '');
}

function placeName(words: ProposalWords, match: Match): string {
  return matchName(match, words.language);
}

/**
 * A record the matcher offers, as the reviewer reads it: a visit by its days («18–21 сентября 2025
 * г.»), a place with its country and region («Кузнецк (Россия, регион: Пенза)»), places that would
 * read alike also with their population, and by number when even that is the same.
 */
export function matchLabels(words: ProposalWords, matches: Match[]): string[] {
  const { t } = words;
  const labels = matches.map((m) => {
    if (m.dates) return words.dateRange(m.dates.start, m.dates.end);
    if (!m.place) return m.label;
    const { country, region } = m.place;
    const where = region
      ? t('match.placeInRegion', {
          country: words.countryName(country),
          region: nameIn(words.language, region),
        })
      : words.countryName(country);
    return t('match.place', { name: placeName(words, m), where });
  });
  return labels.map((label, i) => {
    const m = matches[i]!;
    if (!m.place || labels.filter((other) => other === label).length < 2) return label;
    const population = m.place.population;
    const alike = matches.filter((o, j) => labels[j] === label && o.place?.population === population);
    return alike.length > 1
      ? t('match.placeNumbered', { label, population, id: m.id })
      : t('match.placePopulated', { label, population });
  });
}

/** The label of one record of a proposal's matches. */
export function matchLabel(words: ProposalWords, matches: Match[], id: number | null): string | undefined {
  const index = matches.findIndex((m) => m.id === id);
  return index < 0 ? undefined : matchLabels(words, matches)[index];
}

/** A city of the draft by ref, as the registry knows it when chosen. */
export function cityLabel(words: ProposalWords, ref: string | null): string {
  const city = words.draft.cities.find((c) => c.ref === ref);
  if (!city) return words.t('card.noCity');
  const chosen = city.matches.find((m) => m.id === city.chosenId);
  return chosen ? placeName(words, chosen) : city.name;
}

/** A party of an agreement or project by ref: a city or an organization of the draft. */
export function partyLabel(words: ProposalWords, ref: string): string {
  return words.draft.organizations.find((o) => o.ref === ref)?.name ?? cityLabel(words, ref);
}

/** A date of the draft: full, or day and month («--09-18») when the text gives no year. */
export function draftDate(words: ProposalWords, value: string | null): string {
  if (!value) return '';
  if (value.startsWith('--'))
    return words.t('card.dayWithoutYear', { day: Number(value.slice(5)), month: Number(value.slice(2, 4)) });
  return words.dateRange(value, value);
}

/** The card's title: what the record is. */
export function headline(words: ProposalWords, list: DraftList, proposal: Proposal): string {
  const { t } = words;
  if (list === 'visits') {
    const visit = proposal as Draft['visits'][number];
    return t('card.visitTitle', {
      from: cityLabel(words, visit.fromCityRef),
      to: cityLabel(words, visit.toCityRef),
    });
  }
  if (list === 'twinnings') {
    const twinning = proposal as Draft['twinnings'][number];
    return t('card.twinningTitle', {
      home: cityLabel(words, twinning.cityRefs[0]),
      partner: cityLabel(words, twinning.cityRefs[1]),
    });
  }
  if ('name' in proposal) return proposal.name;
  if ('title' in proposal) return proposal.title;
  return proposal.ref;
}

/** The card's second line: kind, city, dates, parties. */
export function subline(words: ProposalWords, list: DraftList, proposal: Proposal): string {
  const { t } = words;
  switch (list) {
    case 'visits': {
      const visit = proposal as Draft['visits'][number];
      const dates =
        visit.start && !visit.start.startsWith('--') && (!visit.end || !visit.end.startsWith('--'))
          ? words.dateRange(visit.start, visit.end)
          : [draftDate(words, visit.start), draftDate(words, visit.end)].filter(Boolean).join(' – ');
      const head = words.draft.persons.find((p) => p.ref === visit.headRef)?.name;
      return [
        visit.kind ? t(`visitKind.${visit.kind}`) : '',
        dates,
        head ? t('card.head', { name: head }) : (visit.headPosition ?? ''),
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'cities':
      return '';
    case 'twinnings': {
      const twinning = proposal as Draft['twinnings'][number];
      return t(`twinningStatus.${twinning.status}`);
    }
    case 'persons': {
      const person = proposal as Draft['persons'][number];
      return person.position ?? '';
    }
    case 'organizations': {
      const org = proposal as Draft['organizations'][number];
      return `${t(`organizationKind.${org.kind}`)} · ${cityLabel(words, org.cityRef)}`;
    }
    case 'agreements': {
      const agreement = proposal as Draft['agreements'][number];
      return [t(`agreementKind.${agreement.kind}`), draftDate(words, agreement.signedOn)]
        .filter(Boolean)
        .join(' · ');
    }
    case 'projects': {
      const project = proposal as Draft['projects'][number];
      return project.partyRefs.map((ref) => partyLabel(words, ref)).join(' — ');
    }
    case 'events': {
      const event = proposal as Draft['events'][number];
      return [t(`eventKind.${event.kind}`), cityLabel(words, event.cityRef), draftDate(words, event.date)]
        .filter(Boolean)
        .join(' · ');
    }
  }
}

/** What a proposal will become on accepting: the record it links to, a new record, or nothing. */
export function outcome(words: ProposalWords, list: DraftList, proposal: Proposal): string {
  const { t } = words;
  if (!proposal.include) return t('outcome.skip');
  const chosen = proposal.matches.find((m) => m.id === proposal.chosenId);
  if (chosen)
    return t('outcome.existing', {
      label: matchLabel(words, proposal.matches, chosen.id),
      confidence: words.percent(chosen.confidence),
    });
  if (proposal.chosenId) return t('outcome.existingOther');
  if (list === 'cities') return t('outcome.chooseCity');
  return t('outcome.new', { name: headline(words, list, proposal) });
}
