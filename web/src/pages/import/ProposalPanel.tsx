import { Checkbox, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFT_LISTS, type DraftList, type Proposal } from './import-api.ts';
import { proposalsOf, type Review } from './draft-review.ts';
import type { ProposalWords } from './proposal-text.ts';
import { ProposalCard } from './ProposalCard.tsx';

interface ProposalPanelProps {
  review: Review;
  words: ProposalWords;
  /** Problems in words by proposal ref. */
  problems: Record<string, string[]>;
  flashRef: string | null;
  onChange: (list: DraftList, ref: string, change: Partial<Proposal>) => void;
  onSelect: (refs: string[], value: boolean) => void;
  onFocusProposal: (ref: string | null) => void;
  /** A picker for another registry record than the offered matches, where the kind has one. */
  otherPicker: (list: DraftList, proposal: Proposal) => ReactNode;
}

/** The proposed records grouped by kind, each group with a tick for all of it. */
export function ProposalPanel({
  review,
  words,
  problems,
  flashRef,
  onChange,
  onSelect,
  onFocusProposal,
  otherPicker,
}: ProposalPanelProps) {
  const { t } = useTranslation('import');
  const selectOne = (ref: string, value: boolean) => onSelect([ref], value);
  return (
    <Stack gap="lg">
      {DRAFT_LISTS.map((list) => {
        const items = proposalsOf(review.draft, list);
        if (items.length === 0) return null;
        const selectable = items.filter((p) => p.include);
        const ticked = selectable.filter((p) => review.selected[p.ref]).length;
        return (
          <section key={list} aria-labelledby={`group-${list}`}>
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Title order={3} size="h5" id={`group-${list}`}>
                {t(`group.${list}`, { count: items.length })}
              </Title>
              {items.length > 1 && (
                <Checkbox
                  size="xs"
                  label={t('group.selectAll')}
                  checked={selectable.length > 0 && ticked === selectable.length}
                  indeterminate={ticked > 0 && ticked < selectable.length}
                  disabled={selectable.length === 0}
                  onChange={(event) =>
                    onSelect(
                      selectable.map((p) => p.ref),
                      event.currentTarget.checked,
                    )
                  }
                  aria-label={t('group.selectAllOf', { group: t(`group.${list}`, { count: items.length }) })}
                />
              )}
            </Group>
            <Stack gap="xs">
              {items.map((proposal) => (
                <ProposalCard
                  key={proposal.ref}
                  list={list}
                  proposal={proposal}
                  selected={review.selected[proposal.ref] === true}
                  words={words}
                  problems={problems[proposal.ref] ?? []}
                  flash={flashRef === proposal.ref}
                  onChange={onChange}
                  onSelect={selectOne}
                  onFocusProposal={onFocusProposal}
                  otherPicker={otherPicker(list, proposal)}
                />
              ))}
            </Stack>
          </section>
        );
      })}
    </Stack>
  );
}
