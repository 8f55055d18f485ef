import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Image,
  Paper,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiUrl, useApi } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { Section } from '../../pages/organizations/Section.tsx';
import { ConfirmDelete } from '../ConfirmDelete.tsx';
import { errorMessage } from '../errors.ts';

/** A file attached to a record, as the API lists it. */
export interface AttachedFile {
  id: number;
  slot: 'signed_scan' | null;
  name: string;
  mediaType: string;
  size: number;
  searchable: boolean;
  uploadedBy: { id: number; name: string } | null;
  createdAt: string;
}

/** The kinds the API accepts, for the file dialog's filter (the API decides from the content). */
const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,.gif,.webp,.tif,.tiff';

const KIND_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'image/tiff': 'TIFF',
};

const previewable = (file: AttachedFile) =>
  file.mediaType === 'application/pdf' ||
  (file.mediaType.startsWith('image/') && file.mediaType !== 'image/tiff');

/** «1,2 МБ», «35 КБ» in the interface's language. */
function useSize() {
  const { t, i18n } = useTranslation('files');
  return (bytes: number) => {
    const number = (value: number) => value.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
    if (bytes >= 1024 * 1024) return t('size.mb', { value: number(bytes / 1024 / 1024) });
    if (bytes >= 1024) return t('size.kb', { value: number(bytes / 1024) });
    return t('size.bytes', { value: bytes });
  };
}

/**
 * «Файлы» on a record's page: the record's files (kind, size, who added it and when), each to
 * download with its name or to preview (PDF, images); for those who may change the record, adding
 * by drag and drop or the file dialog, and deleting after a question. An agreement's signed scan
 * has a slot of its own above the list.
 */
export function FilesSection({
  path,
  recordId,
  editable,
  signedScan = false,
}: {
  /** The record's API path: «/agreements». */
  path: string;
  recordId: number;
  editable: boolean;
  /** Whether the record has the signed-scan slot (agreements). */
  signedScan?: boolean;
}) {
  const { t } = useTranslation('files');
  const { t: tCommon } = useTranslation();
  const format = useFormat();
  const size = useSize();
  const base = `${path}/${recordId}/files`;
  const files = useApi<AttachedFile[]>(base);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  async function upload(file: File | null, slot?: 'signed_scan') {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      await api.post(slot ? `${base}?slot=${slot}` : base, form);
      notifications.show({ color: 'green', message: t('uploaded', { name: file.name }) });
      files.reload();
    } catch (caught) {
      setError(errorMessage(tCommon, caught));
    } finally {
      setBusy(false);
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (editable && !busy) void upload(event.dataTransfer.files[0] ?? null);
  };

  const download = (file: AttachedFile, inline = false) =>
    apiUrl(`${base}/${file.id}`, inline ? { inline: 'true' } : undefined);

  const all = files.data ?? [];
  const scan = all.find((file) => file.slot === 'signed_scan');
  const others = all.filter((file) => file.slot === null);

  const row = (file: AttachedFile) => (
    <Table.Tr key={file.id}>
      <Table.Td>
        <Stack gap={4}>
          <Anchor href={download(file)} download={file.name}>
            {file.name}
          </Anchor>
          {file.mediaType.startsWith('image/') && previewable(file) && (
            <Image src={download(file, true)} alt={file.name} w={96} h={64} fit="contain" radius="sm" />
          )}
        </Stack>
      </Table.Td>
      <Table.Td>{KIND_LABELS[file.mediaType] ?? file.mediaType}</Table.Td>
      <Table.Td>{size(file.size)}</Table.Td>
      <Table.Td>{file.uploadedBy?.name ?? '—'}</Table.Td>
      <Table.Td>{format.date(file.createdAt)}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {previewable(file) && (
            <Anchor href={download(file, true)} target="_blank" rel="noopener" size="sm">
              {t('preview')}
            </Anchor>
          )}
          {editable && (
            <ConfirmDelete
              name={file.name}
              title={t('deleteTitle')}
              text={t('deleteText', { name: file.name })}
              buttonName={t('deleteNamed', { name: file.name })}
              doneMessage={t('deleted')}
              onDelete={() => api.delete(`${base}/${file.id}`)}
              onDeleted={files.reload}
            />
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );

  const table = (rows: AttachedFile[], caption: string) => (
    <Table.ScrollContainer minWidth={600}>
      <Table aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('column.name')}</Table.Th>
            <Table.Th>{t('column.kind')}</Table.Th>
            <Table.Th>{t('column.size')}</Table.Th>
            <Table.Th>{t('column.uploadedBy')}</Table.Th>
            <Table.Th>{t('column.uploadedAt')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('column.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows.map(row)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <Section title={t('title')}>
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)}>
            {error}
          </Alert>
        )}
        {files.error && <Alert color="red">{errorMessage(tCommon, files.error)}</Alert>}
        {signedScan && (
          <Paper withBorder p="sm" aria-label={t('signedScan.title')} component="section">
            <Text fw={600} mb={4}>
              {t('signedScan.title')}
            </Text>
            {scan ? table([scan], t('signedScan.title')) : <Text c="dimmed">{t('signedScan.none')}</Text>}
            {editable && (
              <FileButton onChange={(file) => void upload(file, 'signed_scan')} accept={ACCEPT}>
                {(props) => (
                  <Button {...props} variant="light" size="xs" mt="xs" loading={busy}>
                    {scan ? t('signedScan.replace') : t('signedScan.attach')}
                  </Button>
                )}
              </FileButton>
            )}
          </Paper>
        )}
        {others.length > 0
          ? table(others, t('title'))
          : !files.loading && <Text c="dimmed">{t('none')}</Text>}
        {editable && (
          <Paper
            withBorder
            p="md"
            style={{
              borderStyle: 'dashed',
              background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
            }}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('dropHint')}
              </Text>
              <FileButton onChange={(file) => void upload(file)} accept={ACCEPT}>
                {(props) => (
                  <Button {...props} loading={busy}>
                    {t('attach')}
                  </Button>
                )}
              </FileButton>
            </Group>
          </Paper>
        )}
      </Stack>
    </Section>
  );
}
