/**
 * Display names and message keys shared by the sign-in view, the sessions view and the options
 * page. Family names are brands and stay untranslated, like the extension's own name.
 */
import type { AutoFillSource, ProfileView } from '../../messaging/signin-protocol';
import type { MfaMethod, ProviderFamily, ViewStep } from '../../providers/flow';
import type { ErrorInfo } from '../../providers/flow';

export const FAMILY_NAMES: Record<ProviderFamily, string> = {
  slaunchx: 'SlaunchX',
  idaas: 'IDaaS',
  koodrive: 'Koodrive',
  cloudbase: 'CloudBase',
};

export const ENVIRONMENT_KEYS: Record<ProfileView['environment'], string> = {
  production: 'profile_env_production',
  test: 'profile_env_test',
};

/** The choose-method buttons and the "use another method" links. */
export const METHOD_KEYS: Record<MfaMethod, string> = {
  EMAIL: 'signin_method_email',
  OTP: 'signin_method_otp',
  BACKUP_CODE: 'signin_method_backup',
  SMS: 'signin_method_sms',
};

/** What the code step asks for, by method. */
export const CODE_PROMPT_KEYS: Record<MfaMethod, string> = {
  EMAIL: 'signin_code_prompt_email',
  OTP: 'signin_code_prompt_otp',
  BACKUP_CODE: 'signin_code_prompt_backup',
  SMS: 'signin_code_prompt_sms',
};

export const AUTOFILL_KEYS: Record<AutoFillSource, string> = {
  'vault-totp': 'signin_filled_vault',
  'backup-code': 'signin_filled_backup',
  mailbox: 'signin_filled_mailbox',
  'saved-password': 'signin_filled_password',
};

type IdentifierKind = Extract<ViewStep, { step: 'credentials' }>['identifier'];

export const IDENTIFIER_KEYS: Record<IdentifierKind, string> = {
  email: 'signin_identifier_email',
  account: 'signin_identifier_account',
  username: 'signin_identifier_username',
  'email-or-phone': 'signin_identifier_email_or_phone',
};

/** What each family signs in with, for the options form (the step says it at sign-in time). */
export const FAMILY_IDENTIFIER: Record<ProviderFamily, IdentifierKind> = {
  slaunchx: 'email',
  idaas: 'email',
  koodrive: 'account',
  cloudbase: 'username',
};

/** The error a step shows above its form: the failed input's, or the terminal step's own. */
export function stepError(step: ViewStep): ErrorInfo | undefined {
  switch (step.step) {
    case 'done':
    case 'pending-approval':
      return undefined;
    default:
      return step.error;
  }
}

/** Steps that still wait for the user; the others end the flow. */
export function isInteractive(step: ViewStep): boolean {
  return !['done', 'pending-approval', 'error'].includes(step.step);
}
