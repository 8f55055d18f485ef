/** The extractor: a Russian press release in, the facts of shared/contracts/extraction.md out. */
import { loadMorphology } from './02-morphology.ts';
import { loadCityLookup } from './03-city-lookup.ts';
import type { CityLookup } from './03-places.ts';
import { findEntities } from './06-entities.ts';
import { analyse, type Day } from './07-document.ts';
import { datelineDay, findDates } from './08-dates.ts';
import { findOrganizations } from './10-org-mentions.ts';
import { findActors, personFacts } from './11-people.ts';
import { findVisitDrafts } from './12-visits.ts';
import { guessHome, mergeVisits, visitFacts } from './12-visit-merge.ts';
import { datedByVisit, findAgreements, isSigning } from './13-agreements.ts';
import { findProjects } from './14-projects.ts';
import { findEvents } from './15-event-facts.ts';
import { completeParties, organizationFacts } from './16-results.ts';
import type { Entity, ExtractionResult, Party } from './extraction.schema.ts';

export type { CityLookup } from './03-places.ts';
export type { ExtractionResult } from './extraction.schema.ts';

/** Options of one extraction: publication date (YYYY-MM-DD), the home city, a city gazetteer. */
export interface ExtractOptions {
  date?: string;
  homeCity?: string;
  cities?: CityLookup;
}

let prepared: CityLookup | undefined;

/** Loads the morphology dictionaries and the city gazetteer once; extract() needs it done. */
export async function prepareExtractor(): Promise<void> {
  await loadMorphology();
  prepared ??= await loadCityLookup();
}

/** An empty result carrying one warning. */
export function emptyResult(warnings: string[] = []): ExtractionResult {
  return {
    visits: [],
    agreements: [],
    projects: [],
    events: [],
    persons: [],
    organizations: [],
    entities: [],
    warnings,
  };
}

/** Reads YYYY-MM-DD into a day, or undefined when it is no real date. */
export function parseDay(value: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? { y, m: mo, d } : undefined;
}

/** Extracts the facts of one text; never throws: what it cannot read goes into `warnings`. */
export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  const cities = options.cities ?? prepared;
  if (!cities) return emptyResult(['extractor not prepared: call prepareExtractor() first']);
  try {
    return run(typeof text === 'string' ? text : String(text ?? ''), cities, options);
  } catch (error) {
    return emptyResult([`extraction failed: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

function run(text: string, cities: CityLookup, options: ExtractOptions): ExtractionResult {
  const warnings: string[] = [];
  let published = options.date ? parseDay(options.date) : undefined;
  if (options.date && !published) warnings.push(`not a date: ${options.date}`);
  published ??= datelineDay(text);
  const doc = analyse(text, cities, options.homeCity || undefined, published);
  const dates = findDates(doc);
  const drafts = findVisitDrafts(doc, dates);
  doc.homeCity = guessHome(doc, drafts);
  const orgs = findOrganizations(doc);
  const actors = findActors(doc, orgs);
  const visits = visitFacts(doc, mergeVisits(drafts, doc.homeCity), dates, doc.homeCity);
  const first = visits[0];
  const fallback: Party[] = first
    ? [first.from_city, first.to_city].filter((c): c is string => !!c).map((c) => ({ name: c, city: c }))
    : [];
  const agreements = findAgreements(doc, orgs, dates, fallback);
  datedByVisit(agreements, visits);
  for (const a of agreements)
    if (a.parties.length < 2) warnings.push(`an agreement without its parties: ${a.kind}`);
  let entities: Entity[] = [];
  try {
    entities = findEntities({ text, tokens: doc.tokens, sentences: doc.sentences, cities });
  } catch (error) {
    warnings.push(`entities failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const organizations = organizationFacts(doc, orgs);
  const projects = findProjects(doc, orgs, (s) => isSigning(doc, s));
  for (const fact of [...agreements, ...projects]) completeParties(fact.parties, organizations);
  return {
    visits,
    agreements,
    projects,
    events: findEvents(doc, dates, first?.to_city ?? undefined),
    persons: personFacts(doc, actors),
    organizations,
    entities,
    warnings: [...warnings, ...doc.warnings],
  };
}
