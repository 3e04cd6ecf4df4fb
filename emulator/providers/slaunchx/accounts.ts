/** SlaunchX accounts: the §7 seed data, lookup, and creation through the controls (§6). */
import { randomBytes, randomUUID } from 'node:crypto';
import { Secret } from 'otpauth';
import * as v from 'valibot';

export const PORTALS = ['system', 'consumer'] as const;
export type Portal = (typeof PORTALS)[number];

/** providers.md §7: the access code of each portal. */
export const ACCESS_CODES: Readonly<Record<Portal, string>> = {
  system: 'demo-system-portal',
  consumer: 'demo-consumer-portal',
};

/** providers.md §1.3: method codes travel as JSON numbers. */
export const MFA = { EMAIL: 10011001, OTP: 10011002, BACKUP_CODE: 10011005 } as const;
export type MfaMethod = (typeof MFA)[keyof typeof MFA];
export const MFA_METHODS: readonly MfaMethod[] = [MFA.EMAIL, MFA.OTP, MFA.BACKUP_CODE];

export type AccountStatus = 'ACTIVE' | 'PENDING_APPROVAL';

export interface Account {
  id: string;
  portal: Portal;
  email: string;
  /** null: no password yet (set through password/init) — every login attempt fails. */
  password: string | null;
  displayName: string;
  status: AccountStatus;
  methods: Set<MfaMethod>;
  totpSecret: string | null;
  /** Unused backup codes; each dies on use (providers.md §1.3). */
  backupCodes: Set<string>;
  locale: string;
  initToken: string | null;
}

export interface AccountStore {
  list(): Account[];
  find(portal: Portal, email: string): Account | undefined;
  byId(id: string): Account | undefined;
  /** An account id, or an e-mail address (system portal first): what the controls accept. */
  byRef(ref: string): Account | undefined;
  add(account: Account): void;
}

export function createAccountStore(initial: readonly Account[]): AccountStore {
  const accounts = new Map(initial.map((a) => [a.id, a]));
  const list = () => [...accounts.values()];
  const find = (portal: Portal, email: string) =>
    list().find((a) => a.portal === portal && a.email === email.toLowerCase());
  return {
    list,
    find,
    byId: (id) => accounts.get(id),
    byRef: (ref) => accounts.get(ref) ?? find('system', ref) ?? find('consumer', ref),
    add(account) {
      if (find(account.portal, account.email) !== undefined) {
        throw new Error(`an account ${account.email} already exists in portal ${account.portal}`);
      }
      accounts.set(account.id, account);
    },
  };
}

export const sortedMethods = (account: Account): MfaMethod[] =>
  MFA_METHODS.filter((m) => account.methods.has(m));

// Ten characters, an unambiguous alphabet: "ABCD-23456"-like (providers.md §1.3).
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generateBackupCodes(random: (n: number) => Uint8Array = randomBytes): string[] {
  return Array.from({ length: 10 }, () => {
    const chars = [...random(9)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length] ?? 'A');
    return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
  });
}

export const generateTotpSecret = (): string => new Secret({ size: 20 }).base32;

const PUBLIC_TEST_SECRET = 'JBSWY3DPEHPK3PXP'; // providers.md §7: public test value
const SEED_PASSWORD = 'Correct-Horse-42';

function seedAccount(fields: Partial<Account> & Pick<Account, 'id' | 'portal' | 'email'>) {
  return {
    password: SEED_PASSWORD,
    displayName: fields.email.split('@')[0] ?? fields.email,
    status: 'ACTIVE' as const,
    methods: new Set<MfaMethod>(),
    totpSecret: null,
    backupCodes: new Set<string>(),
    locale: 'en',
    initToken: null,
    ...fields,
  };
}

/** providers.md §7, exactly: a fresh emulator and every reset hold these four accounts. */
export function seedAccounts(): Account[] {
  const backup = Array.from({ length: 10 }, (_, i) => `BKUP-${String(i + 1).padStart(5, '0')}`);
  return [
    seedAccount({
      id: 'ACC_SYS_001',
      portal: 'system',
      email: 'admin@slaunchx.test',
      displayName: 'System Admin',
      methods: new Set([MFA.EMAIL, MFA.OTP, MFA.BACKUP_CODE]),
      totpSecret: PUBLIC_TEST_SECRET,
      backupCodes: new Set(backup),
    }),
    seedAccount({
      id: 'ACC_SYS_002',
      portal: 'system',
      email: 'pending@slaunchx.test',
      displayName: 'Pending Operator',
      status: 'PENDING_APPROVAL',
      methods: new Set([MFA.OTP]),
      totpSecret: PUBLIC_TEST_SECRET,
    }),
    seedAccount({
      id: 'ACC_CON_001',
      portal: 'consumer',
      email: 'user@slaunchx.test',
      displayName: 'Demo User',
      methods: new Set([MFA.EMAIL]),
    }),
    seedAccount({
      id: 'ACC_CON_002',
      portal: 'consumer',
      email: 'nomfa@slaunchx.test',
      displayName: 'No-MFA User',
    }),
  ];
}

const METHOD_NAMES = { EMAIL: MFA.EMAIL, OTP: MFA.OTP, BACKUP_CODE: MFA.BACKUP_CODE } as const;

const ControlAccountSchema = v.strictObject({
  portal: v.optional(v.picklist(PORTALS), 'system'),
  email: v.pipe(v.string(), v.email()),
  password: v.optional(v.string()),
  displayName: v.optional(v.string()),
  status: v.optional(v.picklist(['ACTIVE', 'PENDING_APPROVAL']), 'ACTIVE'),
  mfaMethods: v.optional(
    v.array(v.union([v.picklist(['EMAIL', 'OTP', 'BACKUP_CODE']), v.picklist(MFA_METHODS)])),
    [],
  ),
  totpSecret: v.optional(v.pipe(v.string(), v.regex(/^[A-Z2-7]+=*$/i))),
  backupCodes: v.optional(v.array(v.string())),
  locale: v.optional(v.string(), 'en'),
  initToken: v.optional(v.string()),
});

/** POST /__emulator/accounts for SlaunchX: OTP without a secret gets a fresh one, etc. */
export function accountFromControl(body: Record<string, unknown>): Account {
  const parsed = v.safeParse(ControlAccountSchema, body);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new Error(`invalid SlaunchX account: ${issue.message}`);
  }
  const f = parsed.output;
  const methods = new Set(f.mfaMethods.map((m) => (typeof m === 'string' ? METHOD_NAMES[m] : m)));
  const email = f.email.toLowerCase();
  return {
    id: `ACC_${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`,
    portal: f.portal,
    email,
    password: f.password ?? null,
    displayName: f.displayName ?? email.split('@')[0] ?? email,
    status: f.status,
    methods,
    totpSecret: f.totpSecret ?? (methods.has(MFA.OTP) ? generateTotpSecret() : null),
    backupCodes: new Set(
      f.backupCodes ?? (methods.has(MFA.BACKUP_CODE) ? generateBackupCodes() : []),
    ),
    locale: f.locale,
    initToken: f.initToken ?? null,
  };
}
