import type { GazetteerArtifact } from './artifact.ts';
import { phoneticSkeleton } from './transliterate.ts';

/**
 * Places by the phonetic skeletons of their names. Built on first use, since most callers never
 * need transliteration-tolerant search and building it costs a few hundred milliseconds.
 */
export class FuzzyIndex {
  private bySkeleton: Map<string, number[]> | null = null;

  constructor(private readonly artifact: GazetteerArtifact) {}

  /** Places that share the skeleton of a normalized name. */
  candidates(normalized: string): number[] {
    const skeleton = phoneticSkeleton(normalized);
    if (skeleton.length < 3) return [];
    return this.index().get(skeleton) ?? [];
  }

  private index(): Map<string, number[]> {
    if (this.bySkeleton) return this.bySkeleton;
    const map = new Map<string, number[]>();
    this.artifact.skeletons.forEach((joined, i) => {
      if (!joined) return;
      for (const skeleton of joined.split('|')) {
        const list = map.get(skeleton);
        if (list) list.push(i);
        else map.set(skeleton, [i]);
      }
    });
    this.bySkeleton = map;
    return map;
  }
}
