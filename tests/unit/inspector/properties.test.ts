/** Nothing captured makes the inspector throw (issue 6, "Bad input"). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRequest, findTokens } from '../../../src/inspector/classify-request';
import { entryEnvelopes, envelopeInfo } from '../../../src/inspector/envelope-info';
import { explainError } from '../../../src/inspector/explain-error';
import { flowToHar } from '../../../src/inspector/flow-to-har';
import { groupFlows } from '../../../src/inspector/group-flows';
import { decodeJwt } from '../../../src/inspector/jwt';
import { lintFlow } from '../../../src/inspector/lint-flow';
import { redactText } from '../../../src/inspector/redact';
import { summarizeBody } from '../../../src/inspector/summarize-body';
import { flowToCurl, toCurl } from '../../../src/inspector/to-curl';
import { anyEntry, nearEntry } from './arbitraries';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
const segment = fc.oneof(
  fc.string({ unit: fc.constantFrom(...B64URL), maxLength: 40 }),
  fc.json().map((json) => Buffer.from(json).toString('base64url')),
  fc.string(),
);
const jwtLike = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.'));

describe('never throws on captured traffic', () => {
  it('classifyRequest, findTokens and entryEnvelopes take any entry', () => {
    fc.assert(
      fc.property(anyEntry, (entry) => {
        expect(classifyRequest(entry).kind).toBeTypeOf('string');
        expect(Array.isArray(findTokens(entry, 0))).toBe(true);
        expect(entryEnvelopes(entry)).toBeTypeOf('object');
      }),
    );
  });

  it('decodeJwt takes anything, JWT-shaped strings and any clock', () => {
    fc.assert(
      fc.property(
        fc.oneof(jwtLike, fc.anything()),
        fc.oneof(fc.integer(), fc.double()),
        (token, now) => {
          const result = decodeJwt(token, now);
          expect(typeof result.ok).toBe('boolean');
          expect(() => JSON.stringify(result)).not.toThrow();
        },
      ),
    );
  });

  it('summarizeBody takes any body, with any cap', () => {
    const body = nearEntry.map((e) => e.request?.postData);
    fc.assert(
      fc.property(
        fc.oneof(body, fc.anything()),
        fc.option(fc.integer({ min: -5, max: 100 }), { nil: undefined }),
        (content, capBytes) => {
          const summary = summarizeBody(content, capBytes === undefined ? {} : { capBytes });
          expect(summary.kind).toBeTypeOf('string');
        },
      ),
    );
  });

  it('lintFlow(groupFlows(…)) and the exports take any list of entries', () => {
    fc.assert(
      fc.property(fc.array(anyEntry, { maxLength: 12 }), (entries) => {
        for (const flow of groupFlows(entries)) {
          for (const finding of lintFlow(flow))
            expect(entries.length).toBeGreaterThan(finding.entryIndex);
          expect(flowToCurl(flow)).toBeTypeOf('string');
          expect(flowToHar(flow).log.entries).toHaveLength(flow.steps.length);
        }
      }),
    );
  });

  it('envelopeInfo, toCurl, explainError and redactText take anything', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.anything(),
        fc.uint8Array(),
        fc.string({ unit: 'binary' }),
        (a, b, bytes, text) => {
          expect(envelopeInfo(a).ok).toBeTypeOf('boolean');
          expect(envelopeInfo(Uint8Array.from([0x53, 0x43, 0x02, ...bytes])).ok).toBeTypeOf(
            'boolean',
          );
          expect(toCurl(a)).toBeTypeOf('string');
          expect(explainError(a, b).documented).toBeTypeOf('boolean');
          expect(redactText(text)).toBe(redactText(redactText(text)));
        },
      ),
    );
  });
});
