import { useCallback } from 'react';
import type { DraftList } from './import-api.ts';
import type { Mark } from './highlights.ts';
import { proposalsOf } from './draft-review.ts';
import { headline, outcome, type ProposalWords } from './proposal-text.ts';

const DATE_OF: Partial<Record<DraftList, string>> = {
  visits: 'visit',
  agreements: 'agreement',
  events: 'event',
};

/**
 * What a highlighted mention became, in words: «Город «Кузнецка» → Кузнецк (RU), в реестре, 100 %».
 * The tooltip shows it on hover and focus; screen readers read it as the mention's description.
 */
export function useMarkDescriber(words: ProposalWords | null, text: string): (mark: Mark) => string {
  return useCallback(
    (mark: Mark) => {
      if (!words) return '';
      const { t } = words;
      const quoted = text.slice(mark.start, mark.end).replace(/\s+/g, ' ');
      const proposal =
        mark.list && mark.ref
          ? proposalsOf(words.draft, mark.list).find((p) => p.ref === mark.ref)
          : undefined;
      if (mark.kind === 'date') {
        const what = mark.list ? (DATE_OF[mark.list] ?? 'visit') : 'visit';
        const of = proposal && mark.list ? headline(words, mark.list, proposal) : '';
        return t('tooltip.date', { text: quoted, what: t(`tooltip.dateOf.${what}`), of });
      }
      if (!proposal || !mark.list)
        return t('tooltip.notProposed', { kind: t(`legend.${mark.kind}`), text: quoted });
      return t('tooltip.mention', {
        kind: t(`legend.${mark.kind}`),
        text: quoted,
        outcome: outcome(words, mark.list, proposal),
      });
    },
    [words, text],
  );
}
