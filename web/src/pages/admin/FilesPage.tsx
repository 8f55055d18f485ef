import { Alert, Paper, Progress, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

interface FileUsage {
  fileMaxBytes: number;
  totalMaxBytes: number;
  usedBytes: number;
  fileCount: number;
  acceptedKinds: string[];
}

/** /admin/files: the limits on attached files (FILE_MAX_MB, FILES_TOTAL_MAX_MB) and how much is used. */
export default function FilesPage() {
  const { t, i18n } = useTranslation('files');
  const { t: tCommon } = useTranslation();
  const usage = useApi<FileUsage>('/files/usage');
  const mb = (bytes: number) =>
    t('size.mb', {
      value: (bytes / 1024 / 1024).toLocaleString(i18n.language, { maximumFractionDigits: 1 }),
    });
  const data = usage.data;
  const share = data ? Math.min(100, (data.usedBytes / data.totalMaxBytes) * 100) : 0;
  return (
    <>
      <PageHeader title={t('admin.title')} />
      {usage.error && <Alert color="red">{errorMessage(tCommon, usage.error)}</Alert>}
      {!data && !usage.error && <Skeleton h={120} />}
      {data && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Table aria-label={t('admin.title')} variant="vertical" withTableBorder>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>{t('admin.fileMax')}</Table.Th>
                  <Table.Td>{mb(data.fileMaxBytes)} (FILE_MAX_MB)</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('admin.totalMax')}</Table.Th>
                  <Table.Td>{mb(data.totalMaxBytes)} (FILES_TOTAL_MAX_MB)</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('admin.used')}</Table.Th>
                  <Table.Td>
                    {t('admin.usedValue', { used: mb(data.usedBytes), count: data.fileCount })}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('admin.kinds')}</Table.Th>
                  <Table.Td>{data.acceptedKinds.join(', ')}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Progress value={share} aria-label={t('admin.used')} color={share > 90 ? 'red' : 'blue'} />
            <Text size="sm" c="dimmed">
              {t('admin.hint')}
            </Text>
          </Stack>
        </Paper>
      )}
    </>
  );
}
