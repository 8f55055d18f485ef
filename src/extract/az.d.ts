// Minimal typings for the parts of the `az` package (OpenCorpora morphology) the extractor uses.
declare module 'az' {
  /** A morphological tag: grammemes are present as keys (`tag.NOUN`, `tag.CAse === 'gent'`). */
  export interface AzTag {
    readonly POS?: string;
    readonly CAse?: string;
    readonly GNdr?: string;
    readonly NMbr?: string;
    readonly stat: string[];
    readonly flex: string[];
    readonly [grammeme: string]: unknown;
    toString(): string;
  }
  /** One possible parse of a word. */
  export interface AzParse {
    readonly word: string;
    readonly tag: AzTag;
    readonly score: number;
    readonly parser?: string;
    normalize(keepPOS?: boolean): AzParse | false;
    inflect(grammemes: Record<string, string> | string[]): AzParse | false;
    toString(): string;
  }
  interface AzMorph {
    (word: string, config?: Record<string, unknown>): AzParse[];
    init(path: string, callback: (err?: unknown) => void): void;
  }
  interface AzTokens {
    (text: string): {
      done(): { type: { toString(): string }; toString(): string; st: number; length: number }[];
    };
  }
  const Az: { Morph: AzMorph; Tokens: AzTokens };
  export default Az;
}
