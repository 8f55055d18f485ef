import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { Project } from './project-api.ts';

/** When a project runs: «1 сент. 2025 г. — 31 мая 2026 г.», «с 1 сентября 2025 г.», or that no dates are given. */
export function ProjectDates({ project }: { project: Pick<Project, 'startedOn' | 'endedOn'> }) {
  const { t } = useTranslation('projects');
  const format = useFormat();
  const { startedOn, endedOn } = project;
  if (startedOn && endedOn) return <>{format.dateRange(startedOn, endedOn)}</>;
  if (startedOn) return <>{t('page.since', { date: format.date(startedOn) })}</>;
  if (endedOn) return <>{t('page.until', { date: format.date(endedOn) })}</>;
  return <>{t('page.undated')}</>;
}
