/**
 * The one error type of the demo pages: a provider's own `code` and `message` (or a page-side
 * code such as `NETWORK`), so the page can show exactly what the API said.
 */
export class DemoError extends Error {
  /**
   * @param {string} code provider code, e.g. `AUTH.MFA_CODE_INVALID`, `10001`, `captcha_required`
   * @param {string} message the provider's message, shown as is
   * @param {unknown} [data] the provider's `data`, when the answer carries one
   */
  constructor(code, message, data = null) {
    super(message);
    this.name = 'DemoError';
    this.code = code;
    this.data = data;
  }
}

/** Any failure as `{code, message}`; fetch rejects with a TypeError when the server is gone. */
export function describeFailure(error) {
  if (error instanceof DemoError) return { code: error.code, message: error.message };
  if (error instanceof TypeError) {
    return { code: 'NETWORK', message: 'The emulator could not be reached. Is it still running?' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'PAGE_ERROR', message };
}

/** Reads a JSON body, or fails with the HTTP status when the answer is not JSON. */
export async function readJson(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new DemoError(
      `HTTP_${response.status}`,
      'The server answered with something other than JSON.',
    );
  }
}
