import { Button, Group, Stack, Stepper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { NoAccessPage } from '../admin/NoAccessPage.tsx';
import { ColleaguesEditor } from './ColleaguesEditor.tsx';
import { HomeCitiesEditor, type HomeCity } from './HomeCitiesEditor.tsx';
import { isAdministrator, skipSetup } from './setup-progress.ts';
import { TwinningsEditor } from './TwinningsEditor.tsx';

/**
 * /setup: the first start's setup, step by step: our city (or cities) and whether each publishes,
 * its twin cities, the first colleagues and their roles. Every step can be skipped, the whole
 * setup put off and taken up again from the home page or «Настройки».
 */
export default function SetupPage() {
  const { t } = useTranslation('setup');
  const me = useMe();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const loaded = useApi<HomeCity[]>('/home-cities');
  const [homes, setHomes] = useState<HomeCity[] | undefined>(undefined);
  const homeIds = (homes ?? loaded.data ?? []).map((home) => home.cityId);
  if (!isAdministrator(me)) return <NoAccessPage />;
  const leave = () => {
    skipSetup(me);
    navigate('/', { replace: true });
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          step < 3 && (
            <Button variant="default" onClick={leave}>
              {t('skip')}
            </Button>
          )
        }
      />
      <Stepper active={step} onStepClick={setStep} allowNextStepsSelect size="sm" mb="lg">
        <Stepper.Step label={t('steps.home')} description={t('steps.homeHint')}>
          <Stack gap="md" maw={760}>
            <Text>{t('home.intro')}</Text>
            <HomeCitiesEditor onChange={setHomes} />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('steps.twins')} description={t('steps.twinsHint')}>
          <Stack gap="md" maw={760}>
            <Text>{t('twins.intro')}</Text>
            <TwinningsEditor homeCityIds={homeIds} />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('steps.colleagues')} description={t('steps.colleaguesHint')}>
          <Stack gap="md" maw={760}>
            <Text>{t('colleagues.intro')}</Text>
            <ColleaguesEditor />
          </Stack>
        </Stepper.Step>
        <Stepper.Completed>
          <Stack gap="sm" maw={760}>
            <Text fw={600} size="lg">
              {t('done.title')}
            </Text>
            <Text>{t('done.text')}</Text>
            <Group gap="sm">
              <Button onClick={leave}>{t('done.home')}</Button>
              <Button component={Link} to="/cities" variant="default" onClick={() => skipSetup(me)}>
                {t('done.cities')}
              </Button>
              <Button component={Link} to="/import" variant="default" onClick={() => skipSetup(me)}>
                {t('done.import')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Completed>
      </Stepper>
      {step < 3 && (
        <Group justify="space-between" maw={760}>
          <Button variant="default" disabled={step === 0} onClick={() => setStep(step - 1)}>
            {t('back')}
          </Button>
          <Button onClick={() => setStep(step + 1)}>
            {step === 0 && homeIds.length === 0 ? t('skipStep') : t('next')}
          </Button>
        </Group>
      )}
    </>
  );
}
