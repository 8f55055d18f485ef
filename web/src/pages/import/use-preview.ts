import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { previewDocument, type PreviewResponse, type SourceFields } from './import-api.ts';

/** The latest preview and the text it was made of: highlights point into that text, not into what is typed since. */
export interface PreviewState {
  result: PreviewResponse | null;
  text: string;
  loading: boolean;
  error: ApiError | null;
}

/** A pause in typing this long asks for a new preview; a paste or a dropped file asks at once. */
const TYPING_PAUSE_MS = 400;
const RETRY_BUSY_MS = 800;
/** The longest a preview waits on a busy server before asking again, whatever its Retry-After. */
const RETRY_BUSY_MAX_MS = 10_000;

/**
 * Previews the text as it is typed: after each pause, cancelling the one before (the server then
 * withdraws its extraction from the worker queue, so typing does not pile extractions up). The
 * source URL is left out: it changes nothing in the extraction, and a half-typed one would fail
 * every preview.
 */
export function usePreview(source: SourceFields, immediate: { current: boolean }): PreviewState {
  const [state, setState] = useState<PreviewState>({ result: null, text: '', loading: false, error: null });
  const [retry, setRetry] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const { text, publishedOn, homeCity } = source;

  useEffect(() => {
    controller.current?.abort();
    if (!text.trim()) {
      setState({ result: null, text: '', loading: false, error: null });
      return;
    }
    setState((previous) => ({ ...previous, loading: true }));
    const delay = immediate.current ? 0 : TYPING_PAUSE_MS;
    immediate.current = false;
    const timer = window.setTimeout(() => {
      const current = new AbortController();
      controller.current = current;
      previewDocument({ text, publishedOn, homeCity, sourceUrl: '', fileName: '' }, current.signal)
        .then((result) => {
          if (!current.signal.aborted) setState({ result, text, loading: false, error: null });
        })
        .catch((caught: unknown) => {
          if (current.signal.aborted) return;
          // Too many previews of this user's running, or the server's worker queue full: ask again
          // later (the server's Retry-After when it gives one), keeping the preview shown.
          if (caught instanceof ApiError && (caught.code === 'rate_limited' || caught.code === 'busy')) {
            const seconds = caught.facts.retryAfterSeconds;
            const wait = seconds === undefined ? RETRY_BUSY_MS : Math.min(seconds * 1000, RETRY_BUSY_MAX_MS);
            window.setTimeout(() => setRetry((n) => n + 1), wait);
            return;
          }
          const error = caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught));
          setState((previous) => ({ ...previous, loading: false, error }));
        });
    }, delay);
    return () => {
      window.clearTimeout(timer);
      controller.current?.abort();
    };
  }, [text, publishedOn, homeCity, retry, immediate]);

  return state;
}
