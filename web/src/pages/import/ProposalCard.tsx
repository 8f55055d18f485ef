import { Button, Card, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { memo, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftList, Proposal } from './import-api.ts';
import { cityLabel, headline, matchLabels, subline, type ProposalWords } from './proposal-text.ts';
import { ProposalFields } from './ProposalFields.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import classes from './import.module.css';

interface ProposalCardProps {
  list: DraftList;
  proposal: Proposal;
  selected: boolean;
  words: ProposalWords;
  /** What is wrong with it: the page's own checks and the API's refusals, in words. */
  problems: string[];
  flash: boolean;
  onChange: (list: DraftList, ref: string, change: Partial<Proposal>) => void;
  onSelect: (ref: string, value: boolean) => void;
  onFocusProposal: (ref: string | null) => void;
  /** A picker for another record of the registry than the ones offered (cities, organizations, persons). */
  otherPicker?: ReactNode;
}

const NEW = 'new';
const SKIP = 'skip';
const OTHER = 'other';

function choiceOf(proposal: Proposal): string {
  if (!proposal.include) return SKIP;
  return proposal.chosenId === null ? NEW : String(proposal.chosenId);
}

/** One proposed record: ticked or not, what it matches in the registry, and its fields to correct. */
export const ProposalCard = memo(function ProposalCard({
  list,
  proposal,
  selected,
  words,
  problems,
  flash,
  onChange,
  onSelect,
  onFocusProposal,
  otherPicker,
}: ProposalCardProps) {
  const { t } = useTranslation('import');
  const [editing, setEditing] = useState(false);
  const [picking, setPicking] = useState(false);
  // A record picked from the registry ends the picking.
  useEffect(() => setPicking(false), [proposal.chosenId]);
  const title = headline(words, list, proposal);
  const isNew = proposal.include && proposal.chosenId === null;
  const canBeNew = list !== 'cities';
  const labels = matchLabels(words, proposal.matches);
  const options = [
    ...proposal.matches.map((m, i) => ({
      value: String(m.id),
      label: t('match.option', { label: labels[i], confidence: words.percent(m.confidence) }),
    })),
    ...(canBeNew ? [{ value: NEW, label: t('match.new') }] : []),
    ...(otherPicker
      ? [{ value: OTHER, label: list === 'cities' ? t('match.otherCity') : t('match.other') }]
      : []),
    { value: SKIP, label: t('match.skip') },
  ];
  const choose = (value: string | null) => {
    setPicking(value === OTHER);
    if (value === OTHER) return;
    if (value === SKIP) onChange(list, proposal.ref, { include: false });
    else if (value === NEW) onChange(list, proposal.ref, { include: true, chosenId: null });
    else if (value) onChange(list, proposal.ref, { include: true, chosenId: Number(value) });
  };
  const badge = !proposal.include ? (
    <StatusBadge tone="gray">{t('badge.skip')}</StatusBadge>
  ) : proposal.chosenId !== null ? (
    <StatusBadge tone="green">{t('badge.existing')}</StatusBadge>
  ) : canBeNew ? (
    <StatusBadge tone="blue">{t('badge.new')}</StatusBadge>
  ) : (
    <StatusBadge tone="red">{t('badge.chooseCity')}</StatusBadge>
  );

  return (
    <Card
      withBorder
      padding="sm"
      id={`proposal-${proposal.ref}`}
      data-testid="proposal"
      data-ref={proposal.ref}
      className={flash ? classes.flash : undefined}
      onMouseEnter={() => onFocusProposal(proposal.ref)}
      onMouseLeave={() => onFocusProposal(null)}
      onFocus={() => onFocusProposal(proposal.ref)}
      style={proposal.include ? undefined : { opacity: 0.7 }}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Checkbox
          mt={2}
          checked={selected}
          disabled={!proposal.include}
          onChange={(event) => onSelect(proposal.ref, event.currentTarget.checked)}
          aria-label={t('card.select', { name: title })}
        />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" wrap="wrap" align="flex-start" gap={4}>
            <Text
              fw={600}
              style={{ overflowWrap: 'anywhere' }}
              td={proposal.include ? undefined : 'line-through'}
            >
              {title}
            </Text>
            {badge}
          </Group>
          {subline(words, list, proposal) && (
            <Text size="sm" c="dimmed">
              {subline(words, list, proposal)}
            </Text>
          )}
          <Group gap="xs" wrap="nowrap" align="center">
            <NativeSelect
              size="xs"
              aria-label={t('card.recordFor', { name: title })}
              data={options}
              value={picking ? OTHER : choiceOf(proposal)}
              onChange={(event) => choose(event.currentTarget.value)}
              style={{ flex: 1, minWidth: 0 }}
            />
            {isNew && list !== 'cities' && list !== 'twinnings' && (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setEditing((value) => !value)}
                aria-expanded={editing}
              >
                {editing ? t('card.doneEditing') : t('card.edit')}
              </Button>
            )}
          </Group>
          {picking && otherPicker}
          {problems.map((problem) => (
            <Text key={problem} size="sm" c="red.8" role="alert">
              {problem}
            </Text>
          ))}
          {editing && isNew && (
            <ProposalFields
              list={list}
              proposal={proposal}
              cities={words.draft.cities
                .filter((city) => city.include)
                .map((city) => ({ value: city.ref, label: cityLabel(words, city.ref) }))}
              onChange={onChange}
            />
          )}
        </Stack>
      </Group>
    </Card>
  );
});
