/**
 * The security headers of every response, as pure functions (proxy.ts applies them per request;
 * next.config.js repeats the static ones for files the proxy does not see, and a test keeps the
 * two in step). Pages get a Content-Security-Policy with a fresh script nonce: Next.js reads the
 * nonce from the request's CSP header and puts it on its own scripts, and 'strict-dynamic' lets
 * those load the chunks they need, so no other script can run.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import staticHeaders from './static-security-headers.json';

export interface PolicyOptions {
  nonce: string;
  /** `next dev` needs eval (React's error overlays) and its websocket. */
  dev: boolean;
  /** The browser talks https (to us or to the proxy in front): upgrade any stray http request. */
  secure: boolean;
}

/** 128 random bits, base64: unguessable per response, as a CSP nonce must be. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Styles allow 'unsafe-inline' on purpose: React's `style` attributes (tables, charts) are inline
 * styles, and a nonce in style-src would make browsers ignore 'unsafe-inline'. Scripts never do.
 */
export function pageContentSecurityPolicy({ nonce, dev, secure }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    ...(secure ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** API answers are JSON or downloads: nothing in them may load or run anything. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers that do not change per request (next.config.js sets the same file's on every path). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = staticHeaders;

/** One year, this host only: sent only over https, where a browser honours it. */
const HSTS = 'max-age=31536000';

export type ResponseKind = { kind: 'page'; nonce: string } | { kind: 'api' };

/** Every security header of one response. */
export function securityHeaders(response: ResponseKind, options: { dev: boolean; secure: boolean }): Record<string, string> {
  const csp = response.kind === 'page' ? pageContentSecurityPolicy({ nonce: response.nonce, ...options }) : API_CONTENT_SECURITY_POLICY;
  return {
    ...STATIC_SECURITY_HEADERS,
    'content-security-policy': csp,
    ...(options.secure ? { 'strict-transport-security': HSTS } : {}),
  };
}
