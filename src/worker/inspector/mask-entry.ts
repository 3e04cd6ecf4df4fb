/**
 * A log entry as `inspector/log` shows it: every secret masked (first 4 characters, then `…`,
 * providers.md conventions) by the inspector's own redaction, in the URL, the headers, text
 * bodies and the SCv2 plaintexts alike. Base64 bodies are SCv2 envelopes or other bytes: they
 * are ciphertext or not text at all, and stay as they are.
 */
import type { LogEntryView } from '../../messaging/inspector-protocol';
import { isBase64Body } from '../../inspector/body-bytes';
import type { HarContent, HarEntry, HarPostData, ScPlaintext } from '../../inspector/har';
import { redactBodyText, redactHeaders, redactText, type BodySide } from '../../inspector/redact';

function maskText(text: string, side: BodySide): string {
  return redactBodyText(text, { side });
}

function maskPostData(body: HarPostData): HarPostData {
  return isBase64Body(body) ? body : { ...body, text: maskText(body.text, 'request') };
}

function maskContent(content: HarContent): HarContent {
  if (content.text === undefined || isBase64Body(content)) return content;
  return { ...content, text: maskText(content.text, 'response') };
}

function maskPlaintext(plain: ScPlaintext): ScPlaintext {
  const out: ScPlaintext = {};
  if (plain.request !== undefined) out.request = maskText(plain.request, 'request');
  if (plain.response !== undefined) out.response = maskText(plain.response, 'response');
  return out;
}

export function maskHarEntry(entry: HarEntry): HarEntry {
  const { request, response } = entry;
  const masked: HarEntry = {
    ...entry,
    request: {
      ...request,
      url: redactText(request.url),
      headers: redactHeaders(request.headers),
    },
    response: {
      ...response,
      headers: redactHeaders(response.headers),
      content: maskContent(response.content),
    },
  };
  if (request.postData !== undefined) masked.request.postData = maskPostData(request.postData);
  if (entry._scPlaintext !== undefined) masked._scPlaintext = maskPlaintext(entry._scPlaintext);
  return masked;
}

export function maskLogEntry(view: LogEntryView): LogEntryView {
  return { ...view, entry: maskHarEntry(view.entry) };
}
