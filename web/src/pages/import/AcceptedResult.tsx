import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordPath, type RecordKind } from '../../app/record-paths.ts';
import { DRAFT_LISTS, type AcceptedRecord, type Draft } from './import-api.ts';
import { proposalName, proposalsOf } from './draft-review.ts';
import { matchName } from './proposal-text.ts';
import { READABLE_ON_TINT, StatusBadge } from './StatusBadge.tsx';

interface AcceptedResultProps {
  documentId: number;
  records: AcceptedRecord[];
  draft: Draft;
  onAnother: () => void;
}

const ORDER: AcceptedRecord['type'][] = [
  'visit',
  'city',
  'twinning',
  'person',
  'organization',
  'agreement',
  'project',
  'event',
];

/** A record's name: the registry's for a linked one, the draft's for a new one. */
function nameOf(draft: Draft, ref: string, language: string): string {
  for (const list of DRAFT_LISTS) {
    const proposal = proposalsOf(draft, list).find((p) => p.ref === ref);
    if (!proposal) continue;
    const linked = proposal.matches.find((m) => m.id === proposal.chosenId);
    return linked ? matchName(linked, language) : proposalName(proposal);
  }
  return ref;
}

function pathOf(draft: Draft, record: AcceptedRecord): string | null {
  if (record.type === 'twinning') {
    // A twinning has no page of its own: the partner city's page shows it.
    const twinning = (draft.twinnings ?? []).find((p) => p.ref === record.ref);
    const partner = draft.cities.find((c) => c.ref === twinning?.cityRefs[1])?.chosenId;
    return partner ? recordPath('city', partner) : null;
  }
  return recordPath(record.type as RecordKind, record.id);
}

/** What accepting did: the visit first, then every record created or linked, each a link to its page. */
export function AcceptedResult({ documentId, records, draft, onAnother }: AcceptedResultProps) {
  const { t, i18n } = useTranslation('import');
  const cityMatchName = (city: Draft['cities'][number] | undefined) => {
    const chosen = city?.matches.find((m) => m.id === city.chosenId);
    return chosen && matchName(chosen, i18n.language);
  };
  const created = records.filter((r) => r.action === 'created').length;
  const visit = records.find((r) => r.type === 'visit');
  const visitProposal = visit && draft.visits.find((v) => v.ref === visit.ref);
  const cityName = (ref: string | null) => {
    const city = draft.cities.find((c) => c.ref === ref);
    return cityMatchName(city) ?? city?.name ?? '';
  };
  return (
    <Stack gap="md" data-testid="import-result">
      <Alert
        color="green"
        variant="light"
        title={t('result.title')}
        styles={{ title: { color: READABLE_ON_TINT.green } }}
      >
        {t('result.summary', { created, linked: records.length - created })}
      </Alert>
      <Group gap="sm">
        {visit && (
          <Button component={Link} to={recordPath('visit', visit.id)}>
            {t('result.openVisit', {
              from: cityName(visitProposal?.fromCityRef ?? null),
              to: cityName(visitProposal?.toCityRef ?? null),
            })}
          </Button>
        )}
        <Button component={Link} to={recordPath('document', documentId)} variant="light">
          {t('result.openDocument')}
        </Button>
        <Button variant="default" onClick={onAnother}>
          {t('result.another')}
        </Button>
      </Group>
      {ORDER.map((type) => {
        const ofType = records.filter((r) => r.type === type);
        if (ofType.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`result-${type}`}>
            <Title order={2} size="h5" id={`result-${type}`} mb={4}>
              {t(`result.type.${type}`, { count: ofType.length })}
            </Title>
            <List spacing={4} listStyleType="none" pl={0}>
              {ofType.map((record) => {
                const path = pathOf(draft, record);
                const twinning = (draft.twinnings ?? []).find((p) => p.ref === record.ref);
                const name =
                  type === 'visit'
                    ? t('result.visitName', {
                        from: cityName(visitProposal?.fromCityRef ?? null),
                        to: cityName(visitProposal?.toCityRef ?? null),
                      })
                    : twinning
                      ? t('result.twinningName', {
                          home: cityName(twinning.cityRefs[0]),
                          partner: cityName(twinning.cityRefs[1]),
                        })
                      : nameOf(draft, record.ref, i18n.language);
                return (
                  <List.Item key={record.ref}>
                    <Group gap="xs" wrap="nowrap">
                      <StatusBadge size="sm" tone={record.action === 'created' ? 'blue' : 'green'}>
                        {t(`result.${record.action}`)}
                      </StatusBadge>
                      {path ? (
                        <Anchor component={Link} to={path}>
                          {name}
                        </Anchor>
                      ) : (
                        <Text>{name}</Text>
                      )}
                    </Group>
                  </List.Item>
                );
              })}
            </List>
          </section>
        );
      })}
    </Stack>
  );
}
