import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VisitStatus } from './visit-api.ts';

const COLOR: Record<VisitStatus, string> = { planned: 'blue.8', done: 'green.9', cancelled: 'gray.7' };

/** «Запланирован» / «Состоялся» / «Отменён». */
export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useTranslation('visits');
  return (
    <Badge color={COLOR[status]} variant="light" style={{ textTransform: 'none' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
