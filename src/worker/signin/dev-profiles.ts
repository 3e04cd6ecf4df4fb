/**
 * Dev profiles (issue 4): `npm start` and the end-to-end tests write `dev-profiles.json` into a
 * build; on install and on browser start the worker adds the profiles it does not hold yet.
 * A normal build has no such file, and then nothing happens.
 */
import * as v from 'valibot';
import { ActionError } from '../../messaging/router';
import { profileInputSchema } from '../../messaging/signin-protocol';
import { validateProfile, type ProfileRecord } from './profile-rules';
import type { ProfilesService } from './profiles-service';

const DevProfiles = v.object({ profiles: v.array(v.unknown()) });

/** The valid entries with a fixed id; anything else in the file is skipped. */
export function parseDevProfiles(json: unknown): ProfileRecord[] {
  const file = v.safeParse(DevProfiles, json);
  if (!file.success) return [];
  const records: ProfileRecord[] = [];
  for (const entry of file.output.profiles) {
    const input = v.safeParse(profileInputSchema, entry);
    if (!input.success || input.output.id === undefined) continue;
    try {
      records.push({ ...validateProfile(input.output), id: input.output.id, hasPassword: false });
    } catch (error) {
      // An entry the options page would refuse is not added either.
      if (!(error instanceof ActionError)) throw error;
    }
  }
  return records;
}

export async function seedDevProfiles(deps: {
  profiles: ProfilesService;
  fetch: typeof fetch;
  url: string;
}): Promise<number> {
  let json: unknown;
  try {
    const response = await deps.fetch(deps.url);
    if (!response.ok) return 0;
    json = await response.json();
  } catch {
    return 0; // absent from the build (the usual case), or unreadable: nothing to add
  }
  const records = parseDevProfiles(json);
  return records.length === 0 ? 0 : deps.profiles.addMissing(records);
}
