/**
 * Everything one sign-in operation needs to know about its profile, read once per message:
 * the adapter, the adapters' profile, the linked vault account and the saved password. Also
 * the translation of the UI's input into the adapter's, with the saved password filled in.
 */
import type { FlowInput } from '../../messaging/signin-protocol';
import { normalizeBackupCode, remainingBackupCodes } from '../../otp/backup-codes';
import type { FlowStep, ProviderAdapter, StepInput } from '../../providers/flow';
import type { Profile } from '../../providers/profile';
import type { StoredAccount } from '../vault-contents';
import type { VaultService } from '../vault-service';
import type { AutoFillFacts } from './auto-fill';
import type { ClientHash } from './client-hash';
import { hasMailbox, toAdapterProfile, type ProfileRecord } from './profile-rules';
import type { ProfilesService } from './profiles-service';
import type { ProviderAccess } from './provider-access';

export interface FlowContext {
  profile: ProfileRecord;
  target: Profile;
  adapter: ProviderAdapter;
  /** The vault account whose codes answer this profile's MFA, if it still exists. */
  linked: StoredAccount | null;
  savedPassword: string | null;
}

export async function loadFlowContext(
  profileId: string,
  deps: {
    profiles: ProfilesService;
    vault: VaultService;
    clientHash: ClientHash;
    access: ProviderAccess;
  },
): Promise<FlowContext> {
  const profile = await deps.profiles.get(profileId);
  const contents = await deps.vault.read();
  const linkedId = profile.otpAccountId;
  return {
    profile,
    target: toAdapterProfile(profile, await deps.clientHash.get()),
    adapter: deps.access.adapters()[profile.family],
    linked: contents.accounts.find((a) => a.id === linkedId) ?? null,
    savedPassword: contents.profileSecrets?.[profileId]?.password ?? null,
  };
}

export function autoFillFacts(ctx: FlowContext): AutoFillFacts {
  return {
    identifier: ctx.profile.identifier,
    hasSavedPassword: ctx.savedPassword !== null,
    linkedTotp: ctx.linked?.type === 'totp',
    unusedBackupCodes: ctx.linked ? remainingBackupCodes(ctx.linked.backupCodes) : 0,
    mailbox: hasMailbox(ctx.profile),
  };
}

export interface PreparedInput {
  input: StepInput;
  /** The saved password went in for an empty one. */
  usedSavedPassword: boolean;
  /** A typed password to keep in the vault once the provider took it (`remember`). */
  remember: string | null;
}

/** The adapter's input for the UI's (or the auto-fill's) input at `step`. */
export function prepareInput(step: FlowStep, input: FlowInput, ctx: FlowContext): PreparedInput {
  if (input.kind !== 'credentials') return { input, usedSavedPassword: false, remember: null };
  const identifier = input.identifier.trim() === '' ? ctx.profile.identifier : input.identifier;
  const wantsPassword = step.step === 'credentials' && step.password;
  const typed = input.password ?? '';
  if (wantsPassword && typed === '' && ctx.savedPassword !== null) {
    return {
      input: { kind: 'credentials', identifier, password: ctx.savedPassword },
      usedSavedPassword: true,
      remember: null,
    };
  }
  return {
    input: { kind: 'credentials', identifier, ...(typed === '' ? {} : { password: typed }) },
    usedSavedPassword: false,
    remember: wantsPassword && input.remember === true && typed !== '' ? typed : null,
  };
}

/** A backup code going to the provider for the linked account: mark it once accepted. */
export function backupCodeInUse(
  step: FlowStep,
  input: FlowInput,
  ctx: FlowContext,
): { accountId: string; code: string } | null {
  if (step.step !== 'code' || step.method !== 'BACKUP_CODE' || input.kind !== 'code') return null;
  if (ctx.linked === null) return null;
  const normal = normalizeBackupCode(input.code);
  return 'code' in normal ? { accountId: ctx.linked.id, code: normal.code } : null;
}

/** The next unused backup code of the linked account, not marked: that waits for acceptance. */
export function nextBackupCode(account: StoredAccount | null): string | null {
  return account?.backupCodes.find((b) => b.usedAt === null)?.code ?? null;
}
