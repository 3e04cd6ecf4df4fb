/**
 * Rotating refresh tokens grouped in families, one family per sign-in (the rule providers.md
 * §1.4 states for SlaunchX, which the emulator applies to Koodrive §3 and CloudBase §4 as well):
 *
 *   issue ─► current ──rotate──► new current (old one dies)
 *                 └── a dead one presented again ──► family revoked (every token refused)
 */

export interface MintedTokens {
  accessToken: string;
  refreshToken: string;
}

export interface Family {
  id: string;
  account: string;
  issuedAt: number;
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
  revoked: boolean;
}

export type RotateResult =
  | { kind: 'rotated'; family: Family }
  | { kind: 'reused'; family: Family }
  | { kind: 'unknown' | 'expired' | 'revoked' };

export interface RefreshFamilies {
  issue(account: string): Family;
  rotate(refreshToken: string): RotateResult;
  /** Families whose refresh token is still usable. */
  live(): Family[];
  clear(): void;
}

export interface RefreshFamiliesDeps {
  now: () => number;
  accessTtlMs: number;
  refreshTtlMs: number;
  newFamilyId: () => string;
  mint: (account: string, familyId: string, issuedAt: number) => MintedTokens;
}

export function createRefreshFamilies(deps: RefreshFamiliesDeps): RefreshFamilies {
  const families = new Map<string, Family>();
  // Every refresh token ever handed out, current or dead, so reuse can be recognised.
  const byRefresh = new Map<string, string>();

  const mintInto = (family: Family): Family => {
    const issuedAt = deps.now();
    const tokens = deps.mint(family.account, family.id, issuedAt);
    family.issuedAt = issuedAt;
    family.accessToken = tokens.accessToken;
    family.accessExpiresAt = issuedAt + deps.accessTtlMs;
    family.refreshToken = tokens.refreshToken;
    family.refreshExpiresAt = issuedAt + deps.refreshTtlMs;
    byRefresh.set(tokens.refreshToken, family.id);
    return family;
  };

  return {
    issue(account) {
      const family: Family = {
        id: deps.newFamilyId(),
        account,
        issuedAt: 0,
        accessToken: '',
        accessExpiresAt: 0,
        refreshToken: '',
        refreshExpiresAt: 0,
        revoked: false,
      };
      families.set(family.id, family);
      return mintInto(family);
    },
    rotate(refreshToken) {
      const familyId = byRefresh.get(refreshToken);
      const family = familyId === undefined ? undefined : families.get(familyId);
      if (family === undefined) return { kind: 'unknown' };
      if (family.revoked) return { kind: 'revoked' };
      if (family.refreshToken !== refreshToken) {
        family.revoked = true;
        return { kind: 'reused', family };
      }
      if (family.refreshExpiresAt <= deps.now()) return { kind: 'expired' };
      return { kind: 'rotated', family: mintInto(family) };
    },
    live() {
      const t = deps.now();
      return [...families.values()].filter((f) => !f.revoked && f.refreshExpiresAt > t);
    },
    clear() {
      families.clear();
      byRefresh.clear();
    },
  };
}
