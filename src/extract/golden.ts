/** Helpers for the golden-case tables: one extraction per snippet, facts without evidence fields. */
import { extract, prepareExtractor, type ExtractOptions } from './index.ts';
import type { ExtractionResult } from './extraction.schema.ts';

export { prepareExtractor };

/** The facts of a snippet with `span` and `rule` dropped, so that tables compare facts only. */
export function facts(text: string, options: ExtractOptions = {}): Omit<ExtractionResult, 'entities'> {
  const { entities: _entities, ...rest } = extract(text, options);
  return JSON.parse(JSON.stringify(rest, (k, v: unknown) => (k === 'span' || k === 'rule' ? undefined : v)));
}
