/**
 * The options form's state and the one place that turns it into a `profiles/save` payload.
 * Pure, so the exact payload per family is testable without rendering. Only the fields of the
 * chosen family are sent; the dev mailbox only for test profiles (providers.md §5: never for
 * production ones).
 */
import type { ProfileInput, ProfileView } from '../../messaging/signin-protocol';
import type { ProviderFamily } from '../../providers/flow';

export type AcceptLanguage = NonNullable<ProfileInput['acceptLanguage']>;
export const ACCEPT_LANGUAGES: readonly AcceptLanguage[] = ['en', 'zh', 'zh-Hant', 'ja', 'vi'];

export interface ProfileDraft {
  /** Set when editing. */
  id?: string;
  name: string;
  family: ProviderFamily;
  baseUrl: string;
  environment: ProfileInput['environment'];
  identifier: string;
  portal: 'system' | 'consumer';
  accessCode: string;
  clientId: string;
  agentName: string;
  mailboxUrl: string;
  otpAccountId: string | null;
  /** '' = the provider's default. */
  acceptLanguage: AcceptLanguage | '';
  /** '' = keep what the vault holds (or none). */
  password: string;
}

/** Sets one field of the draft (the form's fields share it). */
export type SetDraft = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => void;

export const EMPTY_DRAFT: ProfileDraft = {
  name: '',
  family: 'slaunchx',
  baseUrl: '',
  environment: 'production',
  identifier: '',
  portal: 'system',
  accessCode: '',
  clientId: '',
  agentName: '',
  mailboxUrl: '',
  otpAccountId: null,
  acceptLanguage: '',
  password: '',
};

export function draftFromProfile(profile: ProfileView): ProfileDraft {
  return {
    id: profile.id,
    name: profile.name,
    family: profile.family,
    baseUrl: profile.baseUrl,
    environment: profile.environment,
    identifier: profile.identifier,
    portal: profile.portal ?? 'system',
    accessCode: profile.accessCode ?? '',
    clientId: profile.clientId ?? '',
    agentName: profile.agentName ?? '',
    mailboxUrl: profile.mailboxUrl ?? '',
    otpAccountId: profile.otpAccountId ?? null,
    acceptLanguage: profile.acceptLanguage ?? '',
    password: '',
  };
}

/** Which family-specific fields the form shows and sends. */
export function familyFields(family: ProviderFamily) {
  return {
    portal: family === 'slaunchx',
    accessCode: family === 'slaunchx',
    clientId: family === 'idaas',
    agentName: family === 'koodrive',
    // Only SlaunchX offers authenticator (OTP) and backup codes (providers.md §1.3).
    otpAccount: family === 'slaunchx',
  };
}

function familyPart(d: ProfileDraft): Partial<ProfileInput> {
  switch (d.family) {
    case 'slaunchx':
      return { portal: d.portal, accessCode: d.accessCode.trim(), otpAccountId: d.otpAccountId };
    case 'idaas':
      return { clientId: d.clientId.trim() };
    case 'koodrive':
      return { agentName: d.agentName.trim() };
    case 'cloudbase':
      return {};
  }
}

export function draftToInput(d: ProfileDraft): ProfileInput {
  const mailbox = d.mailboxUrl.trim();
  return {
    ...(d.id === undefined ? {} : { id: d.id }),
    name: d.name.trim(),
    family: d.family,
    baseUrl: d.baseUrl.trim(),
    environment: d.environment,
    identifier: d.identifier.trim(),
    ...familyPart(d),
    ...(d.environment === 'test' && mailbox !== '' ? { mailboxUrl: mailbox } : {}),
    ...(d.acceptLanguage === '' ? {} : { acceptLanguage: d.acceptLanguage }),
  };
}

/** The same profile, unchanged, for a save that only touches the password. */
export function inputFromProfile(profile: ProfileView): ProfileInput {
  return draftToInput(draftFromProfile(profile));
}

export type DraftProblem =
  'name' | 'url' | 'urlExtras' | 'insecure' | 'accessCode' | 'clientId' | 'agentName' | 'mailbox';

const LOOPBACK_V4 = /^127(?:\.\d{1,3}){3}$/;

/** This computer: the only place plain http is allowed, and only for test profiles. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || LOOPBACK_V4.test(host);
}

function httpUrl(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Passwords and tokens travel to this URL: https, or http to this computer for a test profile
 * (design.md trust boundaries: "over HTTPS (or loopback for tests)"). The worker applies the
 * same rule and answers INSECURE_URL; checking here saves a pointless permission prompt.
 */
function isSecureEnough(url: URL, environment: ProfileDraft['environment']): boolean {
  if (url.protocol === 'https:') return true;
  return environment === 'test' && isLoopbackHost(url.hostname);
}

/** The first thing the form must fix before it may ask for a permission or save; null if none. */
export function checkDraft(d: ProfileDraft): DraftProblem | null {
  const fields = familyFields(d.family);
  const url = httpUrl(d.baseUrl);
  if (d.name.trim() === '') return 'name';
  if (url === null) return 'url';
  // The adapters append API paths to it (profile.ts `endpoint`).
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return 'urlExtras';
  }
  if (!isSecureEnough(url, d.environment)) return 'insecure';
  if (fields.accessCode && d.accessCode.trim() === '') return 'accessCode';
  if (fields.clientId && d.clientId.trim() === '') return 'clientId';
  if (fields.agentName && d.agentName.trim() === '') return 'agentName';
  if (d.environment === 'test' && d.mailboxUrl.trim() !== '') {
    const mailbox = httpUrl(d.mailboxUrl);
    if (mailbox === null || !isSecureEnough(mailbox, 'test')) return 'mailbox';
  }
  return null;
}

/** The origin the host permission is asked for (`origin + '/*'` in the entry file). */
export function draftOrigin(d: ProfileDraft): string {
  return new URL(d.baseUrl.trim()).origin;
}
