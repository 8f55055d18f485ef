import { Anchor, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { RecordActions } from '../../components/record-form/RecordActions.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { mayWrite } from '../../app/access.ts';
import { RecordLoader } from '../organizations/RecordLoader.tsx';
import { Fact, Section } from '../organizations/Section.tsx';
import type { AgreementDetails, PlanItem } from './agreement-api.ts';
import { AgreementStatusBadge } from './AgreementStatusBadge.tsx';
import { PlanPanel } from './PlanPanel.tsx';
import { FilesSection } from '../../components/files/FilesSection.tsx';
import { LegalPathSection } from './LegalPathSection.tsx';

/** /agreements/:id: the agreement, its parties and its plan of joint activities. */
export default function AgreementPage() {
  const { id } = useParams();
  const state = useApi<AgreementDetails>(`/agreements/${id}/details`);
  return (
    <RecordLoader state={state}>
      {(agreement) => <AgreementView agreement={agreement} reload={state.reload} />}
    </RecordLoader>
  );
}

function AgreementView({ agreement, reload }: { agreement: AgreementDetails; reload: () => void }) {
  const { t } = useTranslation('records');
  const me = useMe();
  const format = useFormat();
  const scope = {
    cityIds: agreement.parties.map((party) => party.homeCityId),
    organizationIds: agreement.parties.map((party) => party.organizationId),
  };
  const editable = mayWrite(me, scope);
  const mayEditItem = (item: PlanItem | null) =>
    editable || (item !== null && mayWrite(me, { organizationIds: [item.responsibleOrganizationId] }));
  const documentIds = [...new Set(agreement.sources.map((source) => source.documentId))];
  return (
    <>
      <PageHeader
        title={agreement.title}
        subtitle={
          <>
            {t(`agreementKind.${agreement.kind}`)} · <AgreementStatusBadge status={agreement.status} />
          </>
        }
        actions={editable && <RecordActions path="/agreements" record={agreement} name={agreement.title} />}
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section title={t('agreement.parties')}>
            <List spacing={4}>
              {agreement.parties.map((party) => (
                <List.Item key={`${party.cityId}:${party.organizationId}`}>
                  <Anchor
                    component={Link}
                    to={
                      party.organizationId !== null
                        ? recordPath('organization', party.organizationId)
                        : recordPath('city', party.cityId ?? party.homeCityId)
                    }
                  >
                    {party.name}
                  </Anchor>
                  <Text span c="dimmed" size="sm">
                    {' '}
                    —{' '}
                    {party.organizationId !== null
                      ? t('agreement.partyOrganization')
                      : t('agreement.partyCity')}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Section>
          <Section title={t('agreement.about')}>
            <Stack gap={6}>
              <Fact label={t('agreement.signedOn')}>{format.date(agreement.signedOn)}</Fact>
              <Fact label={t('agreement.validity')}>
                {agreement.validFrom || agreement.validUntil
                  ? `${format.date(agreement.validFrom) || '…'} — ${format.date(agreement.validUntil) || '…'}`
                  : ''}
              </Fact>
              <Fact label={t('agreement.autoRenew')}>{agreement.autoRenew ? t('yes') : ''}</Fact>
              <Fact label={t('agreement.signedAtVisit')}>
                {agreement.signedAtVisitId !== null && (
                  <Anchor component={Link} to={recordPath('visit', agreement.signedAtVisitId)}>
                    {t('agreement.openVisit')}
                  </Anchor>
                )}
              </Fact>
              <Fact label={t('agreement.notes')}>{agreement.notes}</Fact>
              <Fact label={t('agreement.sources')}>
                {documentIds.length > 0 && (
                  <>
                    {documentIds.map((documentId, index) => (
                      <span key={documentId}>
                        {index > 0 ? ', ' : ''}
                        <Anchor component={Link} to={recordPath('document', documentId)}>
                          {t('document.number', { id: documentId })}
                        </Anchor>
                      </span>
                    ))}
                  </>
                )}
              </Fact>
            </Stack>
          </Section>
        </SimpleGrid>
        <LegalPathSection
          agreementId={agreement.id}
          version={agreement.version}
          stages={agreement.stages}
          editable={editable}
          onChanged={reload}
        />
        <PlanPanel
          agreementId={agreement.id}
          items={agreement.planItems}
          mayEdit={mayEditItem}
          onChanged={reload}
        />
        <FilesSection path="/agreements" recordId={agreement.id} editable={editable} signedScan />
      </Stack>
    </>
  );
}
