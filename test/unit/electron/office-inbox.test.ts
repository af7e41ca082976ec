/** The office inbox in the desktop shell: the only origin the page may reach, kept across launches, exact in the CSP. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAGE_META_CSP, PRODUCTION_CSP, contentSecurityPolicy } from '../../../electron/contract/csp.ts';
import { isAllowedRendererRequest, officeInboxOrigin } from '../../../electron/contract/policies.ts';
import { createOfficeInboxStore, createSetOfficeInbox } from '../../../electron/main/office-inbox.ts';

const dirs: string[] = [];
function scratchFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'citykpi-inbox-'));
  dirs.push(dir);
  return join(dir, 'office-inbox.json');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(policy.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name, values.join(' ')];
  }));
}

describe('the CSP built from the configured inbox', () => {
  it('lets the page connect to itself and to exactly the inbox origin, and changes nothing else', () => {
    const policy = contentSecurityPolicy('https://inbox.office.example');
    expect(directives(policy)['connect-src']).toBe("'self' https://inbox.office.example");
    expect({ ...directives(policy), 'connect-src': "'self'" }).toEqual(directives(PRODUCTION_CSP));
    expect(directives(PRODUCTION_CSP)['connect-src']).toBe("'self'");
  });

  it('keeps the page meta as an outer bound that any valid inbox lies in', () => {
    const meta = directives(PAGE_META_CSP);
    expect(meta['connect-src']).toBe("'self' https: http://127.0.0.1:* http://localhost:*");
    expect(meta['frame-ancestors']).toBeUndefined();
    expect({ ...meta, 'connect-src': "'self'", 'frame-ancestors': "'none'" }).toEqual(directives(PRODUCTION_CSP));
  });

  it('takes only https origins (plain http on loopback), without credentials', () => {
    expect(officeInboxOrigin('https://inbox.office.example/citykpi/')).toBe('https://inbox.office.example');
    expect(officeInboxOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    for (const url of ['http://inbox.office.example', 'https://a:b@inbox.office.example', 'javascript:alert(1)', 'app://citykpi', '', 42, null]) {
      expect(officeInboxOrigin(url)).toBeNull();
    }
  });

  it('lets the shell pass requests to the inbox origin only', () => {
    const inbox = 'https://inbox.office.example';
    expect(isAllowedRendererRequest('https://inbox.office.example/v1/bundles', inbox)).toBe(true);
    expect(isAllowedRendererRequest('https://inbox.office.example/v1/bundles')).toBe(false);
    expect(isAllowedRendererRequest('https://inbox.office.example:444/v1/bundles', inbox)).toBe(false);
    expect(isAllowedRendererRequest('https://other.example/v1/bundles', inbox)).toBe(false);
    expect(isAllowedRendererRequest('http://inbox.office.example/v1/bundles', inbox)).toBe(false);
  });
});

/**
 * A source expression as CSP Level 3 defines it (keyword, scheme, host, nonce or hash): Chromium ignores
 * any other, with a console error on every load, and a policy that silently drops a source is not the
 * policy we wrote.
 */
const KEYWORD = /^'(self|none|unsafe-inline|unsafe-eval|strict-dynamic|unsafe-hashes|report-sample|unsafe-allow-redirects|wasm-unsafe-eval)'$/;
const SCHEME_SOURCE = /^[a-z][a-z0-9+.-]*:$/i;
const HOST_SOURCE = /^([a-z][a-z0-9+.-]*:\/\/)?(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*)(:(\d+|\*))?(\/[^\s;,]*)?$/i;
const NONCE_OR_HASH = /^'(nonce|sha256|sha384|sha512)-[A-Za-z0-9+/_-]+={0,2}'$/;
const DIRECTIVE = /^[a-z-]+$/;

function invalidSources(policy: string): string[] {
  const invalid: string[] = [];
  for (const [name, values] of Object.entries(directives(policy))) {
    if (!DIRECTIVE.test(name)) invalid.push(`directive ${name}`);
    for (const source of values.split(' ').filter(Boolean)) {
      if (![KEYWORD, SCHEME_SOURCE, HOST_SOURCE, NONCE_OR_HASH].some((grammar) => grammar.test(source))) invalid.push(`${name} ${source}`);
    }
  }
  return invalid;
}

describe('every source in the policies is one Chromium accepts', () => {
  it('knows an invalid source when it sees one', () => {
    expect(invalidSources("connect-src 'self' http://[::1]:* https: 'selff' http://a b_c.example")).toEqual([
      'connect-src http://[::1]:*',
      "connect-src 'selff'",
      'connect-src b_c.example',
    ]);
  });

  it('holds for the header, the page meta, and the header of every inbox address the app accepts', () => {
    expect(invalidSources(PRODUCTION_CSP)).toEqual([]);
    expect(invalidSources(PAGE_META_CSP)).toEqual([]);
    const hosts = fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.ipV6().map((address) => `[${address}]`),
      fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'bücher.example', 'inbox.office.example.', 'xn--bcher-kva.example'),
    );
    const addresses = fc.tuple(fc.constantFrom('https', 'http'), hosts, fc.option(fc.integer({ min: 1, max: 65535 })), fc.constantFrom('', '/', '/citykpi/')).map(
      ([scheme, host, port, path]) => `${scheme}://${host}${port === null ? '' : `:${port}`}${path}`,
    );
    fc.assert(
      fc.property(addresses, (address) => {
        const origin = officeInboxOrigin(address);
        if (origin === null) return;
        const policy = contentSecurityPolicy(origin);
        expect(invalidSources(policy)).toEqual([]);
        expect(directives(policy)['connect-src']).toBe(`'self' ${origin}`);
      }),
      { numRuns: 500 },
    );
    expect(officeInboxOrigin('http://[::1]:8080')).toBeNull();
  });
});

describe('the inbox store and setOfficeInbox', () => {
  it('keeps the origin across launches and reloads the page only when it changes', async () => {
    const file = scratchFile();
    const store = createOfficeInboxStore(file);
    expect(store.origin()).toBeNull();
    const reload = vi.fn();
    const set = createSetOfficeInbox(store, reload);

    expect(await set('https://inbox.office.example/citykpi')).toEqual({ ok: true, value: { reloading: true } });
    expect(store.origin()).toBe('https://inbox.office.example');
    expect(createOfficeInboxStore(file).origin()).toBe('https://inbox.office.example');
    expect(await set('https://inbox.office.example/other-path')).toEqual({ ok: true, value: { reloading: false } });
    expect(reload).toHaveBeenCalledTimes(1);

    expect(await set('http://inbox.office.example')).toEqual({ ok: false, code: 'E_INVALID_REQUEST' });
    expect(store.origin()).toBe('https://inbox.office.example');
    expect(await set(null)).toEqual({ ok: true, value: { reloading: true } });
    expect(createOfficeInboxStore(file).origin()).toBeNull();
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('ignores a stored origin that is not a valid inbox', () => {
    const file = scratchFile();
    writeFileSync(file, JSON.stringify({ origin: 'http://evil.example' }));
    expect(createOfficeInboxStore(file).origin()).toBeNull();
    writeFileSync(file, '{not json');
    expect(createOfficeInboxStore(file).origin()).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe('{not json');
  });
});
