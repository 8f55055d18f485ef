import { DRAFT_LISTS, type Draft, type DraftList, type Proposal } from './import-api.ts';

/** The reviewer's work on a draft: the draft as edited, and which proposals are ticked for accepting. */
export interface Review {
  draft: Draft;
  /** Ticked proposals by ref; a proposal marked «не импортировать» (include false) is never ticked. */
  selected: Record<string, boolean>;
  /** Proposals the reviewer changed, by ref: their changes survive a new preview of the same text. */
  edited: Record<string, boolean>;
  /** Each proposal's name as extracted, by ref: how it is found again in the next preview. */
  extracted: Record<string, string>;
}

/** A draft's proposal list by name, for code that walks every list. */
export function proposalsOf(draft: Draft, list: DraftList): Proposal[] {
  // A draft stored before twinnings were proposed has none.
  return (draft[list] ?? []) as Proposal[];
}

/** What a proposal is called on the page and what identifies it across previews. */
export function proposalName(proposal: Proposal): string {
  if ('name' in proposal) return proposal.name;
  if ('title' in proposal) return proposal.title;
  return proposal.ref;
}

const EDITABLE_FIELDS = [
  'chosenId',
  'include',
  'name',
  'title',
  'kind',
  'position',
  'start',
  'end',
  'signedOn',
  'date',
  'headPosition',
] as const;

/** References to cities that the reviewer may change; kept across previews by the city's name. */
const CITY_REF_FIELDS = ['cityRef', 'fromCityRef', 'toCityRef'] as const;

/**
 * A fresh review of a new draft, keeping what the reviewer did to proposals that are still there
 * (same list, same extracted name; visits by order): typing one more sentence must not undo their
 * choices.
 */
export function reviewOf(draft: Draft, previous?: Review): Review {
  const next: Draft = structuredClone(draft);
  const selected: Record<string, boolean> = {};
  const edited: Record<string, boolean> = {};
  const extracted: Record<string, string> = {};
  const cityRefByName = new Map(next.cities.map((city) => [city.name, city.ref]));
  const cityNameOfOldRef = (ref: string | null) => (ref === null ? null : (previous?.extracted[ref] ?? null));
  for (const list of DRAFT_LISTS) {
    const before = previous ? proposalsOf(previous.draft, list) : [];
    proposalsOf(next, list).forEach((proposal, index) => {
      const name = proposalName(proposal);
      extracted[proposal.ref] = name;
      const old =
        list === 'visits'
          ? before[index]
          : before.find((candidate) => previous?.extracted[candidate.ref] === name);
      if (!old || !previous) {
        selected[proposal.ref] = proposal.include;
        return;
      }
      if (previous.edited[old.ref]) {
        const target = proposal as unknown as Record<string, unknown>;
        const source = old as unknown as Record<string, unknown>;
        for (const field of EDITABLE_FIELDS)
          if (field in source && field in target) target[field] = source[field];
        for (const field of CITY_REF_FIELDS) {
          if (!(field in source && field in target)) continue;
          const cityName = cityNameOfOldRef(source[field] as string | null);
          if (cityName !== null && cityRefByName.has(cityName)) target[field] = cityRefByName.get(cityName);
        }
        edited[proposal.ref] = true;
      }
      selected[proposal.ref] = proposal.include && (previous.selected[old.ref] ?? true);
    });
  }
  return { draft: next, selected, edited, extracted };
}

/** The review with one proposal changed. */
export function editProposal(
  review: Review,
  list: DraftList,
  ref: string,
  change: Partial<Proposal>,
): Review {
  const draft = {
    ...review.draft,
    [list]: proposalsOf(review.draft, list).map((p) => (p.ref === ref ? { ...p, ...change } : p)),
  };
  const selected = { ...review.selected };
  if (change.include === false) selected[ref] = false;
  if (change.include === true) selected[ref] = true;
  return { ...review, draft: draft as Draft, selected, edited: { ...review.edited, [ref]: true } };
}

/** The review with proposals ticked or unticked; ones marked «не импортировать» stay unticked. */
export function selectProposals(review: Review, refs: string[], value: boolean): Review {
  const selected = { ...review.selected };
  const included = new Set(
    DRAFT_LISTS.flatMap((list) =>
      proposalsOf(review.draft, list)
        .filter((p) => p.include)
        .map((p) => p.ref),
    ),
  );
  for (const ref of refs) selected[ref] = value && included.has(ref);
  return { ...review, selected };
}

/** The draft to send: «Принять всё» keeps every proposal not marked «не импортировать», «Принять выбранное» the ticked ones. */
export function draftToAccept(review: Review, only: 'all' | 'selected'): Draft {
  const draft = structuredClone(review.draft);
  for (const list of DRAFT_LISTS) {
    for (const proposal of proposalsOf(draft, list)) {
      proposal.include = proposal.include && (only === 'all' || review.selected[proposal.ref] === true);
    }
  }
  return draft;
}

/** Why a proposal cannot be accepted as it stands: a key of the `problems` texts and its values. */
export interface Problem {
  list: DraftList;
  ref: string;
  field: string;
  key: 'chooseCity' | 'cityLeftOut' | 'partyLeftOut' | 'needsDates' | 'needsYear' | 'emptyName' | 'noCity';
  name?: string;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The problems the server would refuse the draft for (a city not chosen, a record whose city or
 * party is left out, a date without a year), found before sending so the reviewer sees them at once.
 */
export function problemsOf(draft: Draft): Problem[] {
  const problems: Problem[] = [];
  const kept = new Set<string>();
  for (const list of DRAFT_LISTS) for (const p of proposalsOf(draft, list)) if (p.include) kept.add(p.ref);
  const cityName = (ref: string | null) => draft.cities.find((c) => c.ref === ref)?.name ?? '';
  const partyName = (ref: string) =>
    draft.cities.find((c) => c.ref === ref)?.name ??
    draft.organizations.find((o) => o.ref === ref)?.name ??
    ref;
  const needCity = (list: DraftList, ref: string, field: string, cityRef: string | null) => {
    if (!cityRef) problems.push({ list, ref, field, key: 'noCity' });
    else if (!kept.has(cityRef))
      problems.push({ list, ref, field, key: 'cityLeftOut', name: cityName(cityRef) });
  };
  const needYear = (list: DraftList, ref: string, field: string, date: string | null) => {
    if (date !== null && date !== '' && !FULL_DATE.test(date))
      problems.push({ list, ref, field, key: 'needsYear' });
  };
  for (const list of DRAFT_LISTS) {
    for (const p of proposalsOf(draft, list)) {
      const field = 'name' in p ? 'name' : 'title' in p ? 'title' : null;
      if (p.include && p.chosenId === null && field && !String((p as Record<string, unknown>)[field]).trim())
        problems.push({ list, ref: p.ref, field, key: 'emptyName' });
    }
  }
  for (const city of draft.cities)
    if (city.include && !city.chosenId)
      problems.push({ list: 'cities', ref: city.ref, field: 'chosenId', key: 'chooseCity', name: city.name });
  for (const twinning of draft.twinnings ?? [])
    if (twinning.include)
      twinning.cityRefs.forEach((cityRef, k) =>
        needCity('twinnings', twinning.ref, `cityRefs.${k}`, cityRef),
      );
  for (const org of draft.organizations)
    if (org.include) needCity('organizations', org.ref, 'cityRef', org.cityRef);
  for (const visit of draft.visits) {
    if (!visit.include || visit.chosenId) continue;
    needCity('visits', visit.ref, 'fromCityRef', visit.fromCityRef);
    needCity('visits', visit.ref, 'toCityRef', visit.toCityRef);
    if (!visit.start) problems.push({ list: 'visits', ref: visit.ref, field: 'start', key: 'needsDates' });
    needYear('visits', visit.ref, 'start', visit.start);
    needYear('visits', visit.ref, 'end', visit.end);
  }
  for (const list of ['agreements', 'projects'] as const) {
    for (const item of draft[list]) {
      if (!item.include) continue;
      for (const party of item.partyRefs)
        if (!kept.has(party))
          problems.push({
            list,
            ref: item.ref,
            field: 'partyRefs',
            key: 'partyLeftOut',
            name: partyName(party),
          });
    }
  }
  for (const agreement of draft.agreements)
    if (agreement.include) needYear('agreements', agreement.ref, 'signedOn', agreement.signedOn);
  for (const event of draft.events) {
    if (!event.include) continue;
    needCity('events', event.ref, 'cityRef', event.cityRef);
    needYear('events', event.ref, 'date', event.date);
  }
  return problems;
}

/** The proposal an API field path points at («visits.0.start», «body.cities.1.chosenId»). */
export function proposalAtPath(
  draft: Draft,
  path: string,
): { list: DraftList; ref: string; field: string } | null {
  const match = /^(?:body\.)?([a-z]+)\.(\d+)(?:\.(\w+))?/.exec(path);
  if (!match) return null;
  const list = match[1] as DraftList;
  if (!(DRAFT_LISTS as readonly string[]).includes(list)) return null;
  const proposal = proposalsOf(draft, list)[Number(match[2])];
  return proposal ? { list, ref: proposal.ref, field: match[3] ?? '' } : null;
}
