import { describe, expect, it } from 'vitest';
import {
  baseDomainOf,
  bindingMatches,
  isTrustworthy,
  matchPatternOf,
  parseBindableOrigin,
  parseOrigin,
  type SiteBinding,
} from '../../../src/messaging/origin-match';

const page = (url: string) => {
  const origin = parseOrigin(url);
  if (origin === null) throw new Error(`not an http(s) URL: ${url}`);
  return origin;
};

const exact = (origin: string): SiteBinding => ({ origin, baseDomain: false });
const wide = (origin: string): SiteBinding => ({ origin, baseDomain: true });

describe('bindingMatches', () => {
  // [binding, page URL, matches, why]
  const table: [SiteBinding, string, boolean, string][] = [
    [
      exact('https://bank.example'),
      'https://bank.example/login?x=1',
      true,
      'same origin, any path',
    ],
    [exact('https://bank.example'), 'https://BANK.example:443/', true, 'case and default port'],
    [exact('https://bank.example'), 'http://bank.example/', false, 'http downgrade'],
    [exact('https://bank.example'), 'https://bank.example:8443/', false, 'other port'],
    [exact('https://bank.example'), 'https://login.bank.example/', false, 'extra subdomain'],
    [exact('https://bank.example'), 'https://bank.example.evil.test/', false, 'suffix look-alike'],
    [exact('https://bank.example'), 'https://bank.example@evil.test/', false, 'userinfo @'],
    [exact('https://bank.example'), 'https://evil.test/?https://bank.example', false, 'query'],
    [exact('https://bank.example'), 'https://xn--bnk-sna.example/', false, 'IDN look-alike'],
    [exact('http://127.0.0.1:8080'), 'http://127.0.0.1:8080/mfa', true, 'loopback with port'],
    [exact('http://127.0.0.1:8080'), 'http://127.0.0.1:8081/mfa', false, 'loopback, other port'],
    [exact('http://127.0.0.1:8080'), 'http://localhost:8080/mfa', false, 'other loopback name'],
    [exact('http://localhost:8080'), 'http://evil.localhost:8080/', false, 'sub of localhost'],
    [wide('https://login.bank.example'), 'https://bank.example/', true, 'base domain itself'],
    [wide('https://login.bank.example'), 'https://a.b.bank.example/', true, 'deep subdomain'],
    [wide('https://login.bank.example'), 'http://a.bank.example/', false, 'opt-in, http'],
    [wide('https://login.bank.example'), 'https://a.bank.example:8443/', false, 'opt-in, port'],
    [wide('https://login.bank.example'), 'https://evilbank.example/', false, 'not a subdomain'],
    [wide('https://a.shop.co.uk'), 'https://b.shop.co.uk/', true, 'under a two-label suffix'],
    [wide('https://a.shop.co.uk'), 'https://other.co.uk/', false, 'suffix is not a site'],
    [wide('https://alice.github.io'), 'https://bob.github.io/', false, 'hosting platform'],
    [wide('http://127.0.0.1:8080'), 'http://127.0.0.2:8080/', false, 'IP has no base domain'],
  ];
  it.each(table)('%o on %s → %s (%s)', (binding, url, expected) => {
    expect(bindingMatches(binding, page(url))).toBe(expected);
  });

  it('ignores a stored binding that is not a canonical origin', () => {
    expect(bindingMatches(exact('https://bank.example/'), page('https://bank.example/'))).toBe(
      false,
    );
  });
});

describe('parseOrigin', () => {
  it('answers null for pages that are not http(s)', () => {
    for (const url of [
      'about:blank',
      'about:srcdoc',
      'chrome://extensions',
      'file:///x.html',
      'data:text/html,x',
      'javascript:1',
      'not a url',
    ]) {
      expect(parseOrigin(url), url).toBeNull();
    }
  });

  it('takes the host after the userinfo, as the browser does', () => {
    expect(parseOrigin('https://bank.example@evil.test/x')?.origin).toBe('https://evil.test');
  });
});

describe('parseBindableOrigin', () => {
  it('accepts exactly a serialised origin', () => {
    expect(parseBindableOrigin('https://bank.example')).toMatchObject({
      origin: 'https://bank.example',
    });
    expect(parseBindableOrigin('http://127.0.0.1:8080')).toMatchObject({ port: '8080' });
  });

  it('refuses paths, userinfo, other schemes and garbage rather than trimming them', () => {
    expect(parseBindableOrigin('https://bank.example/')).toBe('has-path-or-userinfo');
    expect(parseBindableOrigin('https://bank.example/login')).toBe('has-path-or-userinfo');
    expect(parseBindableOrigin('https://user@bank.example')).toBe('has-path-or-userinfo');
    expect(parseBindableOrigin('HTTPS://BANK.example')).toBe('has-path-or-userinfo');
    expect(parseBindableOrigin('ftp://bank.example')).toBe('not-http');
    expect(parseBindableOrigin('bank.example')).toBe('unparsable');
  });
});

describe('isTrustworthy', () => {
  it('is https, or http on loopback only', () => {
    const yes = [
      'https://bank.example',
      'http://127.0.0.1:1',
      'http://127.8.9.10',
      'http://localhost:3000',
      'http://app.localhost',
      'http://[::1]:8080',
    ];
    const no = [
      'http://bank.example',
      'http://localhost.:3000',
      'http://192.0.2.2:8080',
      'http://128.0.0.1',
      'http://localhost.evil.test',
      'http://[::2]',
    ];
    for (const url of yes) expect(isTrustworthy(page(url)), url).toBe(true);
    for (const url of no) expect(isTrustworthy(page(url)), url).toBe(false);
  });
});

describe('baseDomainOf and matchPatternOf', () => {
  it('finds the registrable domain, or none', () => {
    expect(baseDomainOf('a.b.example.com')).toBe('example.com');
    expect(baseDomainOf('example.com')).toBe('example.com');
    expect(baseDomainOf('www.shop.co.uk')).toBe('shop.co.uk');
    expect(baseDomainOf('co.uk')).toBeNull();
    expect(baseDomainOf('app.localhost')).toBe('app.localhost');
    expect(baseDomainOf('localhost')).toBeNull();
    expect(baseDomainOf('127.0.0.1')).toBeNull();
    expect(baseDomainOf('[::1]')).toBeNull();
  });

  it('turns bindings into port-free match patterns', () => {
    expect(matchPatternOf(exact('http://127.0.0.1:8080'))).toBe('http://127.0.0.1/*');
    expect(matchPatternOf(exact('https://login.bank.example'))).toBe(
      'https://login.bank.example/*',
    );
    expect(matchPatternOf(wide('https://login.bank.example'))).toBe('https://*.bank.example/*');
  });
});
