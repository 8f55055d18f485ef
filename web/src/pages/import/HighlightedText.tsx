import { Group, Stack, Text, Tooltip } from '@mantine/core';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FACT_KINDS, MARK_KINDS, type Mark, type Run } from './highlights.ts';
import classes from './import.module.css';

interface HighlightedTextProps {
  text: string;
  runs: Run[];
  /** What a mark became, in words: shown on hover and focus, and read out by screen readers. */
  describe: (mark: Mark) => string;
  /** Whether the proposal of a mark is marked «не импортировать». */
  isSkipped: (mark: Mark) => boolean;
  /** The proposal in focus on the right: its mentions and passage are framed. */
  activeRef: string | null;
  onActivate: (mark: Mark) => void;
}

/**
 * The text for reading: a line break inside a sentence (press releases are often pasted with their
 * lines hard-wrapped) shows as a space, a break after a sentence stays. Same length, so every
 * offset still points at the same character.
 */
export function softWrapped(text: string): string {
  return text.replace(/\n(?!\s*\n)/g, (_, offset: number) => {
    const before = text.slice(0, offset).trimEnd().slice(-1);
    const after = text
      .slice(offset + 1)
      .trimStart()
      .charAt(0);
    const sentenceEnds = /[.!?…:»")]/.test(before) && /[\p{Lu}\d«"–—-]/u.test(after);
    return sentenceEnds || before === '' ? '\n' : ' ';
  });
}

/** The text as given, with every mention filled by its kind and every fact's passage tinted. */
export const HighlightedText = memo(function HighlightedText({
  text,
  runs,
  describe,
  isSkipped,
  activeRef,
  onActivate,
}: HighlightedTextProps) {
  const shown = useMemo(() => softWrapped(text), [text]);
  return (
    <p className={classes.text} data-testid="highlighted-text">
      {runs.map((run) => {
        const pieces = run.segments.map((segment) => {
          const fact = segment.facts[0];
          const framed = activeRef !== null && segment.facts.some((f) => f.ref === activeRef);
          const className = [fact ? classes[fact.kind] : '', framed ? classes.factActive : '']
            .join(' ')
            .trim();
          const piece = shown.slice(segment.start, segment.end);
          return className ? (
            <span key={segment.start} className={className}>
              {piece}
            </span>
          ) : (
            piece
          );
        });
        const mark = run.mark;
        if (!mark) return pieces;
        const classNames = [
          classes.mark,
          classes[mark.kind],
          mark.ref !== null && mark.ref === activeRef ? classes.active : '',
          isSkipped(mark) ? classes.skipped : '',
        ];
        return (
          <Tooltip
            key={`m${mark.start}`}
            label={describe(mark)}
            events={{ hover: true, focus: true, touch: true }}
            multiline
            maw={320}
            openDelay={80}
          >
            <mark
              className={classNames.join(' ')}
              data-kind={mark.kind}
              data-ref={mark.ref ?? undefined}
              tabIndex={0}
              role="button"
              onClick={() => onActivate(mark)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onActivate(mark);
                }
              }}
            >
              {pieces}
            </mark>
          </Tooltip>
        );
      })}
    </p>
  );
});

/** What the fills and tints mean: mentions in one row, the passages of facts in another. */
export function Legend() {
  const { t } = useTranslation('import');
  const row = { listStyle: 'none', padding: 0, margin: 0 };
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap" component="ul" aria-label={t('legend.mentions')} style={row}>
        <Text component="li" size="xs" c="dimmed">
          {t('legend.mentions')}:
        </Text>
        {MARK_KINDS.map((kind) => (
          <Text component="li" size="xs" key={kind}>
            <mark className={`${classes.mark} ${classes[kind]} ${classes.swatch}`} aria-hidden>
              {t(`legend.sample.${kind}`)}
            </mark>{' '}
            {t(`legend.${kind}`)}
          </Text>
        ))}
      </Group>
      <Group gap="xs" wrap="wrap" component="ul" aria-label={t('legend.passages')} style={row}>
        <Text component="li" size="xs" c="dimmed">
          {t('legend.passages')}:
        </Text>
        {FACT_KINDS.map((kind) => (
          <Text component="li" size="xs" key={kind}>
            <span className={`${classes[kind]} ${classes.swatch}`} aria-hidden>
              &nbsp;
            </span>{' '}
            {t(`legend.${kind}`)}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}
