/** Small formatting and randomness helpers of the demo pages. */

/** The project's redaction rule (providers.md conventions): first 4 characters, then `…`. */
export function redact(secret) {
  return typeof secret === 'string' && secret.length > 0 ? `${secret.slice(0, 4)}…` : '';
}

export function randomHex(bytes, random = (n) => crypto.getRandomValues(new Uint8Array(n))) {
  return Array.from(random(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * An identifier that stays the same for this browser profile (SlaunchX's X-Client-Hash,
 * IDaaS's device fingerprint), kept in localStorage; a fresh one per page when storage is off.
 */
export function stableId(storageKey, bytes = 16) {
  try {
    const kept = localStorage.getItem(storageKey);
    if (kept !== null && /^[0-9a-f]{16,128}$/.test(kept)) return kept;
    const fresh = randomHex(bytes);
    localStorage.setItem(storageKey, fresh);
    return fresh;
  } catch {
    return randomHex(bytes);
  }
}

function base64UrlToText(part) {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * A JWT's header and claims for display (RFC 7519 §7.2 steps 1–7, without the signature check:
 * the page shows what it was given, it does not trust it). null when the token is not a JWT.
 */
export function decodeJwt(token) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return null;
  try {
    return {
      header: JSON.parse(base64UrlToText(parts[0])),
      claims: JSON.parse(base64UrlToText(parts[1])),
    };
  } catch {
    return null;
  }
}

/** `1711929600` (seconds since epoch) → an ISO date for people. */
export function secondsToIso(seconds) {
  return typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : String(seconds);
}
