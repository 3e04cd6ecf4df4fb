/**
 * Strict business bodies (providers.md §1.3–§1.6): an unknown, missing or mistyped field is a
 * validation failure (`4000`). Password *content* is checked by the policy afterwards, so a weak
 * new password answers `AUTH.PASSWORD_POLICY`, not `4000`.
 */
import * as v from 'valibot';
import { MFA_METHODS } from './accounts';

const email = v.pipe(v.string(), v.maxLength(254), v.email());
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
const secret = v.pipe(v.string(), v.minLength(1), v.maxLength(1024));
/** §1.3: 6–10 characters; another length is `4000`. */
const code = v.pipe(v.string(), v.minLength(6), v.maxLength(10));
/** §1.3: method codes are JSON numbers; an unknown number is `4000`. */
const method = v.picklist(MFA_METHODS);

export const EmptyBody = v.strictObject({});
export const InitiateBody = v.strictObject({ email, password: secret });
export const MfaSendBody = v.strictObject({ sessionId: id, method });
export const CompleteBody = v.strictObject({ sessionId: id, method, code });
export const RefreshBody = v.strictObject({ refreshToken: secret });
export const TotpConfirmBody = v.strictObject({ code });
export const ForgotBody = v.strictObject({ email });
export const ResetBody = v.strictObject({ email, code, newPassword: v.string() });
export const InitBody = v.strictObject({ initToken: secret, newPassword: v.string() });
export const ChangeBody = v.strictObject({ oldPassword: secret, newPassword: v.string() });
export const RegisterStartBody = v.strictObject({ email });
export const RegisterVerifyBody = v.strictObject({ registrationId: id, code });
export const RegisterCompleteBody = v.strictObject({
  registrationId: id,
  password: v.string(),
  displayName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)),
});

/** providers.md §1.6: 10–128 characters with a letter and a digit. */
export function meetsPasswordPolicy(password: string): boolean {
  // UTF-16 length, as a JS client measures it.
  const { length } = password;
  return length >= 10 && length <= 128 && /\p{L}/u.test(password) && /\p{Nd}/u.test(password);
}
