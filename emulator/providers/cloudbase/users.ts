import {
  InvalidAccountError,
  optionalString,
  randomDigits,
  requiredString,
  type RandomBytes,
} from '../shared/provider-kit';
import type { VerificationTarget } from './verification';

/** CloudBase users (providers.md §7 seed data plus accounts made through the controls). */

export interface CloudbaseUser {
  sub: string;
  username: string;
  password: string | null;
  email: string | null;
  phoneNumber: string | null;
}

// Phone numbers compare by their digits, so "+86 138 0000 0000" and "+8613800000000" match.
const phoneKey = (phone: string): string => phone.replace(/[^0-9]/g, '');
const emailKey = (email: string): string => email.trim().toLowerCase();

function seedUsers(): CloudbaseUser[] {
  return [
    {
      sub: '9876543210123456789', // seed 004's example `sub`
      username: 'zhangsan',
      password: 'example password',
      email: 'zhangsan@example.com',
      phoneNumber: null,
    },
    {
      sub: '9876543210123456790',
      username: 'nopass',
      password: null,
      email: null,
      phoneNumber: null,
    },
  ];
}

export function createCloudbaseUsers(random: RandomBytes) {
  let users = seedUsers();
  return {
    byUsername: (username: string): CloudbaseUser | null =>
      users.find((u) => u.username === username) ?? null,
    bySub: (sub: string): CloudbaseUser | null => users.find((u) => u.sub === sub) ?? null,
    byTarget(target: VerificationTarget): CloudbaseUser | null {
      const { email, phoneNumber } = target;
      const found = users.find((u) =>
        email !== undefined
          ? u.email !== null && emailKey(u.email) === emailKey(email)
          : phoneNumber !== undefined &&
            u.phoneNumber !== null &&
            phoneKey(u.phoneNumber) === phoneKey(phoneNumber),
      );
      return found ?? null;
    },
    reset(): void {
      users = seedUsers();
    },
    /** Control body: `{username, password?, email?, phone_number?}`; replaces a same-named user. */
    create(body: Record<string, unknown>, usernameRule: RegExp): { account: string } {
      const username = requiredString(body, 'username');
      if (!usernameRule.test(username)) throw new InvalidAccountError('username is malformed');
      const user: CloudbaseUser = {
        sub: `9${randomDigits(random, 18)}`,
        username,
        password: optionalString(body, 'password') ?? null,
        email: optionalString(body, 'email') ?? null,
        phoneNumber: optionalString(body, 'phone_number') ?? null,
      };
      users = [...users.filter((u) => u.username !== username), user];
      return { account: username };
    },
  };
}
