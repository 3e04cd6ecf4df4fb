/**
 * A JWT in free text (RFC 7519 §3, JWS compact form): base64url header and payload that both
 * open with `{"` (`eyJ`), and a signature that may be empty (`alg: none`).
 */
export const JWT_IN_TEXT = /\beyJ[\w-]*\.eyJ[\w-]*\.[\w-]*/g;

/** Every JWT-shaped substring of `text`, in order. */
export function findJwtStrings(text: string): string[] {
  return text.match(JWT_IN_TEXT) ?? [];
}
