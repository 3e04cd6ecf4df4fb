/**
 * CloudBase error answers (providers.md §4, seed 004): HTTP 400 `{error, error_description}`,
 * 501 for `unimplemented`. Descriptions follow the seed's wording where it gives one.
 */

export const CLOUDBASE_ERRORS = {
  invalid_argument: { status: 400, description: 'The request body is invalid' },
  invalid_username_or_password: { status: 400, description: 'Incorrect username or password' },
  captcha_required: {
    status: 400,
    description: 'Too many login attempts, a captcha is required',
  },
  password_not_set: { status: 400, description: 'User password is not set, it needs to be set' },
  invalid_status: {
    status: 400,
    description: 'Account locked due to too many retries, please try again later',
  },
  invalid_verification_code: {
    status: 400,
    description: 'The verification code is invalid or expired',
  },
  user_not_found: { status: 400, description: 'User not found' },
  invalid_grant: { status: 400, description: 'The refresh token is invalid or expired' },
  unimplemented: {
    status: 501,
    description:
      'username login is disabled by admin, username/password login is not enabled, go to https://tcb.cloud.tencent.com to enable identity authentication function',
  },
} as const;

export type CloudbaseErrorCode = keyof typeof CLOUDBASE_ERRORS;

const isCloudbaseErrorCode = (code: string): code is CloudbaseErrorCode =>
  Object.hasOwn(CLOUDBASE_ERRORS, code);

export interface CloudbaseErrorAnswer {
  status: number;
  body: { error: string; error_description: string };
}

/** A fault code outside the table (providers.md §6) answers 500 under its own name. */
export function cloudbaseError(code: string, description?: string): CloudbaseErrorAnswer {
  if (!isCloudbaseErrorCode(code)) {
    return { status: 500, body: { error: code, error_description: 'Injected fault' } };
  }
  const entry = CLOUDBASE_ERRORS[code];
  return {
    status: entry.status,
    body: { error: code, error_description: description ?? entry.description },
  };
}
