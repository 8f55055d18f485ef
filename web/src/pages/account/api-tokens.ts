/** An API token as GET /api/tokens lists it (apiTokenSchema of the API): never its secret. */
export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

/** The answer to POST /api/tokens: the token with its secret, shown this once. */
export interface IssuedApiToken extends ApiToken {
  token: string;
}

/** The lifetimes offered for a new token, in days; '' for a token that lives until revoked. */
export const LIFETIMES = ['', '30', '90', '365'] as const;
export type Lifetime = (typeof LIFETIMES)[number];
