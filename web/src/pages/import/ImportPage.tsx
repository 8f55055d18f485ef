import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  FileButton,
  Grid,
  Group,
  Loader,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { recordPath } from '../../app/record-paths.ts';
import { errorMessage } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCountryName } from '../../i18n/countries.ts';
import { useFormat } from '../../i18n/format.ts';
import { AcceptedResult } from './AcceptedResult.tsx';
import {
  draftToAccept,
  editProposal,
  problemsOf,
  proposalAtPath,
  reviewOf,
  selectProposals,
  type Review,
} from './draft-review.ts';
import { buildMarks, buildRuns, factSpans, type Mark } from './highlights.ts';
import { HighlightedText, Legend } from './HighlightedText.tsx';
import {
  acceptDocument,
  storeDocument,
  type AcceptedRecord,
  type Draft,
  type DraftList,
  type PreviewResponse,
  type Proposal,
  type SourceFields,
  type StoredDocument,
} from './import-api.ts';
import classes from './import.module.css';
import { useMarkDescriber } from './mark-description.ts';
import { ProposalPanel } from './ProposalPanel.tsx';
import type { ProposalWords } from './proposal-text.ts';
import { ACCEPTED_FILES, FileReadError, readTextFile } from './read-file.ts';
import { SourceFieldsRow } from './SourceFieldsRow.tsx';
import { READABLE_ON_TINT } from './StatusBadge.tsx';
import { HomeCityField, OtherRecordPicker } from './pickers.tsx';
import { usePreview } from './use-preview.ts';

const EMPTY: SourceFields = { text: '', publishedOn: '', homeCity: '', sourceUrl: '', fileName: '' };
/** What was typed survives a reload or a visit to another page until it is accepted. */
const STORAGE_KEY = 'pobratim.import.source';

function storedSource(): SourceFields {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<SourceFields> | null;
    return { ...EMPTY, ...stored };
  } catch {
    return EMPTY;
  }
}

/** The document stored before with the same text, and whether its records were accepted. */
type StoredTwin = NonNullable<PreviewResponse['duplicateOf']>;

interface Accepted {
  documentId: number;
  records: AcceptedRecord[];
  draft: Draft;
}

/** Import a press release: paste or drop the text, review the facts and the proposed records, accept. */
export default function ImportPage() {
  const { t, i18n } = useTranslation('import');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const [source, setSource] = useState<SourceFields>(storedSource);
  const immediate = useRef(false);
  const preview = usePreview(source, immediate);
  const [review, setReview] = useState<Review | null>(null);
  const [mode, setMode] = useState<'edit' | 'marked'>('edit');
  const showMarkedNext = useRef(false);
  const [activeRef, setActiveRef] = useState<string | null>(null);
  const [flashRef, setFlashRef] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [accepting, setAccepting] = useState<'all' | 'selected' | null>(null);
  const [acceptError, setAcceptError] = useState<ApiError | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  // The stored twin of the text as accepting found it: someone accepted the same text meanwhile,
  // and the API refused a second acceptance with a conflict.
  const [acceptedMeanwhile, setAcceptedMeanwhile] = useState<StoredTwin | null>(null);

  useEffect(() => {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(source));
    } catch {
      // Not remembered across reloads; the page still works.
    }
  }, [source]);

  useEffect(() => {
    const result = preview.result;
    if (!result) {
      setReview(null);
      return;
    }
    setReview((previous) => reviewOf(result.draft, previous ?? undefined));
    if (showMarkedNext.current) {
      showMarkedNext.current = false;
      setMode('marked');
    }
  }, [preview.result]);

  const changeSource = useCallback((change: Partial<SourceFields>) => {
    setSource((previous) => ({ ...previous, ...change }));
    setAcceptError(null);
    if (change.text !== undefined) setAcceptedMeanwhile(null);
  }, []);

  const takeText = (text: string, fileName = '') => {
    immediate.current = true;
    showMarkedNext.current = true;
    changeSource({ text, fileName });
  };

  const takeFile = async (file: File | null) => {
    if (!file) return;
    setFileProblem(null);
    try {
      takeText(await readTextFile(file), file.name);
    } catch (error) {
      setFileProblem(
        t(`file.${error instanceof FileReadError ? error.problem : 'unreadable'}`, { name: file.name }),
      );
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void takeFile(event.dataTransfer.files[0] ?? null);
  };

  const percent = useMemo(
    () => new Intl.NumberFormat(i18n.language, { style: 'percent' }).format,
    [i18n.language],
  );
  const words: ProposalWords | null = useMemo(
    () =>
      review && {
        t,
        draft: review.draft,
        percent,
        dateRange: (start: string | null, end: string | null) => format.dateRange(start, end),
        language: i18n.language,
        countryName,
      },
    // `format` is rebuilt each render; the language is what it depends on.
    [review, t, percent, i18n.language, countryName],
  );

  const previewedText = preview.text;
  const previewed = preview.result;
  // Marks depend on the draft's proposals as extracted, not on the reviewer's choices.
  const marks = useMemo(
    () => (previewed ? buildMarks(previewedText, previewed.extraction, previewed.draft) : []),
    [previewedText, previewed],
  );
  const runs = useMemo(
    () =>
      previewed
        ? buildRuns(previewedText.length, marks, factSpans(previewed.draft, previewedText.length))
        : [],
    [marks, previewedText, previewed],
  );
  const describe = useMarkDescriber(words, previewedText);
  const isSkipped = useCallback(
    (mark: Mark) =>
      !!review &&
      !!mark.list &&
      !!mark.ref &&
      review.draft[mark.list].some((p) => p.ref === mark.ref && !p.include),
    [review],
  );

  const activate = useCallback((mark: Mark) => {
    if (!mark.ref) return;
    document.getElementById(`proposal-${mark.ref}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    setFlashRef(mark.ref);
    window.setTimeout(() => setFlashRef((current) => (current === mark.ref ? null : current)), 1500);
  }, []);

  const onChangeProposal = useCallback((list: DraftList, ref: string, change: Partial<Proposal>) => {
    setReview((previous) => previous && editProposal(previous, list, ref, change));
    setAcceptError(null);
  }, []);
  const onSelect = useCallback((refs: string[], value: boolean) => {
    setReview((previous) => previous && selectProposals(previous, refs, value));
  }, []);

  const duplicate = acceptedMeanwhile ?? preview.result?.duplicateOf ?? null;
  const alreadyAccepted = duplicate?.accepted === true;

  // Problems by proposal: the page's own checks as the reviewer works, the API's after a refusal.
  const problems = useMemo(() => {
    const byRef: Record<string, string[]> = {};
    if (!review) return byRef;
    const add = (ref: string, text: string) => {
      const list = (byRef[ref] ??= []);
      if (!list.includes(text)) list.push(text);
    };
    for (const problem of problemsOf(draftToAccept(review, 'selected')))
      add(problem.ref, t(`problem.${problem.key}`, { name: problem.name ?? '' }));
    for (const issue of acceptError?.issues ?? []) {
      const at = proposalAtPath(review.draft, issue.path);
      if (at) add(at.ref, i18n.language === 'en' ? issue.message : t('problem.refused'));
    }
    return byRef;
  }, [review, acceptError, t, i18n.language]);

  const accept = async (which: 'all' | 'selected') => {
    if (!review) return;
    const draft = draftToAccept(review, which);
    const blocking = problemsOf(draft);
    if (blocking.length > 0) {
      setShowProblems(true);
      document
        .getElementById(`proposal-${blocking[0]!.ref}`)
        ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return;
    }
    if (sourceErrors.sourceUrl) {
      document.getElementById('import-source-url')?.focus();
      return;
    }
    setShowProblems(false);
    setAccepting(which);
    setAcceptError(null);
    let stored: StoredDocument | null = null;
    try {
      stored = (await storeDocument(source)).document;
      const records = await acceptDocument(stored.id, draft);
      setAccepted({ documentId: stored.id, records, draft });
      sessionStorage.removeItem(STORAGE_KEY);
    } catch (error) {
      if (stored && error instanceof ApiError && error.code === 'conflict')
        setAcceptedMeanwhile({ id: stored.id, title: stored.title, accepted: true });
      else setAcceptError(error instanceof ApiError ? error : new ApiError(0, 'network', String(error)));
    } finally {
      setAccepting(null);
    }
  };

  const startOver = () => {
    setAccepted(null);
    setSource(EMPTY);
    setMode('edit');
    setAcceptError(null);
  };

  const sourceErrors = useMemo(() => {
    const errors: Partial<Record<keyof SourceFields, string>> = {};
    const issues = [...(preview.error?.issues ?? []), ...(acceptError?.issues ?? [])];
    for (const issue of issues) {
      const field = /^(?:body\.)?(text|publishedOn|homeCity|sourceUrl)$/.exec(issue.path)?.[1] as
        keyof SourceFields | undefined;
      if (field) errors[field] = i18n.language === 'en' ? issue.message : t(`source.invalid.${field}`);
    }
    if (source.sourceUrl.trim() && !URL.canParse(source.sourceUrl.trim()))
      errors.sourceUrl = t('source.invalid.sourceUrl');
    return errors;
  }, [preview.error, acceptError, source.sourceUrl, t, i18n.language]);

  if (accepted) {
    return (
      <>
        <PageHeader title={t('title')} />
        <AcceptedResult {...accepted} onAnother={startOver} />
      </>
    );
  }

  const includedCount = review ? countIncluded(draftToAccept(review, 'all')) : 0;
  const selectedCount = review ? countIncluded(draftToAccept(review, 'selected')) : 0;
  const generalError = acceptError && acceptError.issues.length === 0 ? errorMessage(tc, acceptError) : null;
  const hasText = source.text.trim().length > 0;

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack gap="md">
        {duplicate && (
          <Alert
            color={duplicate.accepted ? 'yellow' : 'blue'}
            styles={{ title: { color: READABLE_ON_TINT[duplicate.accepted ? 'yellow' : 'blue'] } }}
            variant="light"
            title={duplicate.accepted ? t('duplicate.title') : t('duplicate.storedTitle')}
            data-testid="duplicate-notice"
          >
            <Text size="sm">
              {duplicate.accepted ? t('duplicate.text') : t('duplicate.storedText')}{' '}
              <Anchor component={Link} to={recordPath('document', duplicate.id)}>
                {t('duplicate.open', { title: duplicate.title })}
              </Anchor>
            </Text>
          </Alert>
        )}
        <SourceFieldsRow
          source={source}
          errors={sourceErrors}
          onChange={changeSource}
          homeCityField={
            <HomeCityField
              value={source.homeCity}
              onChange={(homeCity) => changeSource({ homeCity })}
              error={sourceErrors.homeCity}
            />
          }
        />
        {fileProblem && (
          <Alert color="red" variant="light" styles={{ title: { color: READABLE_ON_TINT.red } }} role="alert">
            {fileProblem}
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card
              withBorder
              padding="md"
              className={dragging ? classes.dropping : undefined}
              onDragOver={(event) => {
                event.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
                <Title order={2} size="h4">
                  {t('text.title')}
                </Title>
                <Group gap="xs">
                  <FileButton onChange={(file) => void takeFile(file)} accept={ACCEPTED_FILES}>
                    {(props) => (
                      <Button {...props} size="xs" variant="default">
                        {t('source.chooseFile')}
                      </Button>
                    )}
                  </FileButton>
                  <PreviewStatus loading={preview.loading} marks={marks.length} hasText={hasText} />
                  {hasText && review && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setMode(mode === 'edit' ? 'marked' : 'edit')}
                    >
                      {mode === 'edit' ? t('text.showMarked') : t('text.editText')}
                    </Button>
                  )}
                </Group>
              </Group>
              {mode === 'marked' && review && previewedText ? (
                <Stack gap="sm">
                  <Legend />
                  <HighlightedText
                    text={previewedText}
                    runs={runs}
                    describe={describe}
                    isSkipped={isSkipped}
                    activeRef={activeRef}
                    onActivate={activate}
                  />
                </Stack>
              ) : (
                <Textarea
                  label={t('text.label')}
                  description={t('text.hint')}
                  placeholder={t('text.placeholder')}
                  value={source.text}
                  onChange={(event) => changeSource({ text: event.currentTarget.value, fileName: '' })}
                  onPaste={() => {
                    immediate.current = true;
                    showMarkedNext.current = true;
                  }}
                  autosize
                  minRows={12}
                  maxRows={28}
                  error={
                    sourceErrors.text ??
                    (preview.error && preview.error.issues.length === 0
                      ? errorMessage(tc, preview.error)
                      : undefined)
                  }
                  data-autofocus
                />
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="sm" className={classes.proposals}>
              <Box className={classes.actions}>
                <Group gap="xs" wrap="wrap">
                  <Button
                    px="xs"
                    onClick={() => void accept('selected')}
                    loading={accepting === 'selected'}
                    disabled={!review || alreadyAccepted || accepting !== null || selectedCount === 0}
                  >
                    {t('accept.selected', { count: selectedCount })}
                  </Button>
                  <Button
                    px="xs"
                    variant="light"
                    onClick={() => void accept('all')}
                    loading={accepting === 'all'}
                    disabled={!review || alreadyAccepted || accepting !== null || includedCount === 0}
                  >
                    {t('accept.all')}
                  </Button>
                </Group>
              </Box>
              {showProblems && Object.keys(problems).length > 0 && (
                <Alert
                  color="red"
                  variant="light"
                  styles={{ title: { color: READABLE_ON_TINT.red } }}
                  role="alert"
                  title={t('accept.notReady')}
                >
                  {t('accept.notReadyText')}
                </Alert>
              )}
              {generalError && (
                <Alert
                  color="red"
                  variant="light"
                  styles={{ title: { color: READABLE_ON_TINT.red } }}
                  role="alert"
                >
                  {generalError}
                </Alert>
              )}
              {acceptError && acceptError.issues.length > 0 && (
                <Alert
                  color="red"
                  variant="light"
                  styles={{ title: { color: READABLE_ON_TINT.red } }}
                  role="alert"
                >
                  {t('accept.refused')}
                </Alert>
              )}
              {review && words ? (
                <ProposalPanel
                  review={review}
                  words={words}
                  problems={problems}
                  flashRef={flashRef}
                  onChange={onChangeProposal}
                  onSelect={onSelect}
                  onFocusProposal={setActiveRef}
                  otherPicker={(list, proposal) =>
                    list === 'cities' || list === 'organizations' || list === 'persons' ? (
                      <OtherRecordPicker list={list} proposal={proposal} onChange={onChangeProposal} />
                    ) : null
                  }
                />
              ) : (
                <Text c="dimmed" size="sm">
                  {hasText ? t('proposals.waiting') : t('proposals.empty')}
                </Text>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function countIncluded(draft: Draft): number {
  return Object.values(draft).reduce(
    (sum, list: Proposal[]) => sum + list.filter((p) => p.include).length,
    0,
  );
}

/** «Распознаю…» while a preview runs, then how many mentions were found. */
function PreviewStatus({ loading, marks, hasText }: { loading: boolean; marks: number; hasText: boolean }) {
  const { t } = useTranslation('import');
  if (!hasText) return null;
  return (
    <Group gap={6} aria-live="polite">
      {loading && <Loader size="xs" />}
      <Text size="sm" c="dimmed">
        {loading ? t('text.reading') : t('text.found', { count: marks })}
      </Text>
    </Group>
  );
}
