import { Group, Stack, Text } from '@mantine/core';
import { memo, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACT_KINDS, MARK_KINDS, softWrapped, type Mark, type Run } from './highlights.ts';
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

/** Where the one tooltip of the text stands, and for which mention. */
interface Tip {
  index: number;
  top: number;
  left: number;
}

const TIP_WIDTH = 320;

/**
 * The text as given, with every mention filled by its kind and every fact's passage tinted. One
 * tooltip serves every mention (shown on hover and focus): a floating tooltip per mention made a
 * long text slow to show.
 */
export const HighlightedText = memo(function HighlightedText({
  text,
  runs,
  describe,
  isSkipped,
  activeRef,
  onActivate,
}: HighlightedTextProps) {
  const shown = useMemo(() => softWrapped(text), [text]);
  const [tip, setTip] = useState<Tip | null>(null);
  const tipId = useId();
  const marks = useMemo(() => runs.flatMap((run) => (run.mark ? [run.mark] : [])), [runs]);
  useEffect(() => {
    if (!tip) return;
    // The tooltip is placed once; any scroll (the page's or the proposals') takes it away.
    const hide = () => setTip(null);
    window.addEventListener('scroll', hide, true);
    return () => window.removeEventListener('scroll', hide, true);
  }, [tip]);
  const show = (element: HTMLElement, index: number) => {
    const rect = element.getBoundingClientRect();
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - TIP_WIDTH - 8));
    setTip({ index, top: rect.bottom + 6, left });
  };
  const hide = () => setTip(null);
  let markIndex = -1;
  const tipMark = tip ? marks[tip.index] : undefined;
  return (
    <>
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
          markIndex += 1;
          const index = markIndex;
          const classNames = [
            classes.mark,
            classes[mark.kind],
            mark.ref !== null && mark.ref === activeRef ? classes.active : '',
            isSkipped(mark) ? classes.skipped : '',
          ];
          return (
            <mark
              key={`m${mark.start}`}
              className={classNames.join(' ')}
              data-kind={mark.kind}
              data-ref={mark.ref ?? undefined}
              tabIndex={0}
              role="button"
              aria-describedby={tip?.index === index ? tipId : undefined}
              onMouseEnter={(event) => show(event.currentTarget, index)}
              onMouseLeave={hide}
              onFocus={(event) => show(event.currentTarget, index)}
              onBlur={hide}
              onClick={(event) => {
                show(event.currentTarget, index);
                onActivate(mark);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onActivate(mark);
                } else if (event.key === 'Escape') hide();
              }}
            >
              {pieces}
            </mark>
          );
        })}
      </p>
      {tip && tipMark && (
        <div
          role="tooltip"
          id={tipId}
          className={classes.tooltip}
          style={{ top: tip.top, left: tip.left, maxWidth: TIP_WIDTH }}
        >
          {describe(tipMark)}
        </div>
      )}
    </>
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
