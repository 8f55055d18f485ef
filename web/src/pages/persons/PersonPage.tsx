import { Anchor, Badge, Button, SimpleGrid, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApi } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import { RecordActions } from '../../components/record-form/RecordActions.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import { mayWrite } from '../../app/access.ts';
import { OrganizationName } from '../organizations/OrganizationName.tsx';
import { RecordLoader } from '../organizations/RecordLoader.tsx';
import { Fact, Section } from '../organizations/Section.tsx';
import type { Person, Position } from './person-api.ts';
import { VisitsOfPersons } from './VisitsOfPersons.tsx';
import { FilesSection } from '../../components/files/FilesSection.tsx';

/** /persons/:id: the person, their positions over time and the visits they took part in. */
export default function PersonPage() {
  const { id } = useParams();
  const state = useApi<Person>(`/persons/${id}`);
  return <RecordLoader state={state}>{(person) => <PersonView person={person} />}</RecordLoader>;
}

/** Positions latest first: open ones (still held) on top, then by the date they started. */
function byTime(positions: Position[]): Position[] {
  return [...positions].sort(
    (a, b) =>
      Number(a.endedOn !== null) - Number(b.endedOn !== null) ||
      (b.startedOn ?? '').localeCompare(a.startedOn ?? ''),
  );
}

function PersonView({ person }: { person: Person }) {
  const { t } = useTranslation('records');
  const me = useMe();
  const format = useFormat();
  const positions = byTime(person.positions);
  const editable = mayWrite(me, {
    cityIds: [person.cityId, ...person.positions.map((position) => position.cityId)],
    organizationIds: person.positions.map((position) => position.organizationId),
    partnerKept: true,
  });
  const period = (position: Position) => {
    if (!position.startedOn && !position.endedOn) return t('person.periodUnknown');
    if (!position.endedOn) return t('person.since', { date: format.date(position.startedOn) });
    if (!position.startedOn) return t('person.until', { date: format.date(position.endedOn) });
    return format.dateRange(position.startedOn, position.endedOn);
  };
  return (
    <>
      <PageHeader
        title={person.fullName}
        subtitle={positions[0] && !positions[0].endedOn ? positions[0].title : undefined}
        actions={editable && <RecordActions path="/persons" record={person} name={person.fullName} />}
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section title={t('person.positions')}>
            {positions.length === 0 ? (
              <Text c="dimmed">{t('person.noPositions')}</Text>
            ) : (
              <Timeline
                bulletSize={14}
                lineWidth={2}
                active={positions.filter((position) => !position.endedOn).length - 1}
              >
                {positions.map((position) => (
                  <Timeline.Item key={position.id} title={position.title}>
                    {position.headsCity && (
                      <Badge size="sm" variant="light" mb={4}>
                        {t('person.headBadge')}
                      </Badge>
                    )}
                    {position.organizationId !== null && (
                      <Text size="sm">
                        <OrganizationName id={position.organizationId} />
                      </Text>
                    )}
                    {position.cityId !== null && (
                      <Text size="sm">
                        <CityName id={position.cityId} />
                      </Text>
                    )}
                    <Text size="sm" c="dimmed">
                      {period(position)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Section>
          <Section title={t('person.about')}>
            <Stack gap={6}>
              <Fact label={t('person.city')}>
                {person.cityId !== null && <CityName id={person.cityId} />}
              </Fact>
              <Fact label={t('person.lastName')}>{person.lastName}</Fact>
              <Fact label={t('person.firstName')}>{person.firstName}</Fact>
              <Fact label={t('person.patronymic')}>{person.patronymic}</Fact>
              <Fact label={t('person.notes')}>{person.notes}</Fact>
            </Stack>
          </Section>
        </SimpleGrid>
        <ContactsSection person={person} />
        <Section title={t('person.visits')}>
          <VisitsOfPersons personIds={[person.id]} />
        </Section>
        <FilesSection path="/persons" recordId={person.id} editable={editable} />
      </Stack>
    </>
  );
}

/** How to reach and address the person, and their card for an address book. */
function ContactsSection({ person }: { person: Person }) {
  const { t } = useTranslation('records');
  const format = useFormat();
  const known =
    person.email !== null ||
    person.phones.length > 0 ||
    person.address !== null ||
    person.salutation !== null ||
    person.birthday !== null ||
    person.languages.length > 0;
  return (
    <Section title={t('person.contacts')}>
      <Stack gap={6}>
        {!known && <Text c="dimmed">{t('person.noContacts')}</Text>}
        <Fact label={t('person.email')}>
          {person.email && <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor>}
        </Fact>
        <Fact label={t('person.phones')}>
          {person.phones.length > 0 &&
            person.phones.map((phone, index) => (
              <span key={phone}>
                {index > 0 && ', '}
                <Anchor href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</Anchor>
              </span>
            ))}
        </Fact>
        <Fact label={t('person.address')}>{person.address}</Fact>
        <Fact label={t('person.salutation')}>{person.salutation}</Fact>
        <Fact label={t('person.birthday')}>{person.birthday && format.date(person.birthday)}</Fact>
        <Fact label={t('person.languages')}>
          {person.languages.length > 0 && person.languages.join(', ')}
        </Fact>
        <Button
          component="a"
          href={`/api/persons/${person.id}/vcard`}
          download
          variant="default"
          w="fit-content"
          mt="xs"
        >
          {t('person.vcard')}
        </Button>
      </Stack>
    </Section>
  );
}
