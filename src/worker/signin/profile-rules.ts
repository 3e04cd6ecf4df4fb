/**
 * Provider profiles as the worker keeps them (issue 4): checked, normalised, non-secret records
 * for storage.local, and the adapters' `Profile` built from one. The password is not here: it
 * lives in the vault (`profileSecrets`), so a profile record may be dumped, synced or shown.
 */
import type { ProfileInput, ProfileView } from '../../messaging/signin-protocol';
import { ActionError } from '../../messaging/router';
import type { Profile } from '../../providers/profile';

/** What storage.local holds per profile: exactly what the UI sees. */
export type ProfileRecord = ProfileView;

/** The checked fields of a profile, without its identity and password flag. */
export type ProfileFields = Omit<ProfileView, 'id' | 'hasPassword'>;

const LOOPBACK_V4 = /^127(?:\.\d{1,3}){3}$/;

/** Loopback hosts: the only place a test profile may speak plain http (design.md trust table). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || LOOPBACK_V4.test(host);
}

/**
 * A base URL the adapters can append paths to: http(s), no credentials, query or fragment,
 * https for production, https or loopback http for test profiles.
 */
export function checkServiceUrl(
  raw: string,
  environment: ProfileInput['environment'],
  what: string,
) {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ActionError('PROFILE_INVALID_URL', `The ${what} is not a valid URL.`);
  }
  const plain = url.protocol === 'http:';
  if (!plain && url.protocol !== 'https:') {
    throw new ActionError('PROFILE_INVALID_URL', `The ${what} must start with https://.`);
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new ActionError(
      'PROFILE_INVALID_URL',
      `The ${what} may not carry a user name, password, query or fragment.`,
    );
  }
  if (plain && (environment === 'production' || !isLoopbackHost(url.hostname))) {
    throw new ActionError(
      'INSECURE_URL',
      environment === 'production'
        ? `A production profile must use an https:// ${what}.`
        : `Plain http is allowed only on this computer (localhost) for test profiles.`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function required(value: string | undefined, what: string): string {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') throw new ActionError('PROFILE_INCOMPLETE', `This profile needs ${what}.`);
  return trimmed;
}

/** Fields only one family reads; the others are dropped so a record holds what it uses. */
function familyFields(input: ProfileInput): Partial<ProfileFields> {
  switch (input.family) {
    case 'slaunchx':
      if (input.portal === undefined) {
        throw new ActionError('PROFILE_INCOMPLETE', 'Choose the SlaunchX portal.');
      }
      return { portal: input.portal, accessCode: required(input.accessCode, 'an access code') };
    case 'idaas':
      return { clientId: required(input.clientId, 'a client id') };
    case 'koodrive':
      return { agentName: required(input.agentName, 'an agent name') };
    case 'cloudbase':
      return {};
  }
}

function mailboxField(input: ProfileInput): Partial<ProfileFields> {
  const raw = input.mailboxUrl?.trim() ?? '';
  if (raw === '') return {};
  if (input.environment !== 'test') {
    // providers.md §5: production codes never come from a dev mailbox.
    throw new ActionError('PROFILE_INVALID_URL', 'A dev mailbox is for test profiles only.');
  }
  return { mailboxUrl: checkServiceUrl(raw, 'test', 'mailbox URL') };
}

/** The profile as it will be stored, or an ActionError with the precise problem. */
export function validateProfile(input: ProfileInput): ProfileFields {
  const name = required(input.name, 'a name');
  const baseUrl = checkServiceUrl(input.baseUrl, input.environment, 'base URL');
  const fields: ProfileFields = {
    name,
    family: input.family,
    baseUrl,
    environment: input.environment,
    identifier: input.identifier.trim(),
    ...familyFields(input),
    ...mailboxField(input),
  };
  if (input.otpAccountId !== undefined && input.otpAccountId !== null) {
    fields.otpAccountId = input.otpAccountId;
  }
  if (input.acceptLanguage !== undefined) fields.acceptLanguage = input.acceptLanguage;
  return fields;
}

/** The providers' `Profile` for a stored record and the browser profile's client hash. */
export function toAdapterProfile(record: ProfileRecord, clientHash: string): Profile {
  const base = {
    baseUrl: record.baseUrl,
    environment: record.environment,
    clientHash,
    ...(record.acceptLanguage === undefined ? {} : { acceptLanguage: record.acceptLanguage }),
  };
  switch (record.family) {
    case 'slaunchx':
      return {
        ...base,
        family: 'slaunchx',
        portal: record.portal ?? 'system',
        accessCode: record.accessCode ?? '',
      };
    case 'idaas':
      return { ...base, family: 'idaas', clientId: record.clientId ?? '' };
    case 'koodrive':
      return { ...base, family: 'koodrive', agentName: record.agentName ?? '' };
    case 'cloudbase':
      return { ...base, family: 'cloudbase' };
  }
}

/** A test profile whose e-mail and SMS codes can be read from its dev mailbox. */
export function hasMailbox(record: ProfileRecord): boolean {
  return record.environment === 'test' && (record.mailboxUrl ?? '') !== '';
}
