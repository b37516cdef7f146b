// HTML building blocks for the portal's server-rendered pages: escaping, numbers and dates in the
// reader's language, and the page frame (skip link, navigation by role, language switch).
import type { Lang, Texts } from '../i18n';
import { numberFormat } from '../number-format';
import type { Role } from '../store/portal-types';

export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');
export const num = (lang: Lang, n: number, fractionDigits = 1) => numberFormat(locale(lang), fractionDigits).format(n);
export const pct = (lang: Lang, n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${num(lang, n)} %`);
export function dateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export interface Viewer {
  displayName: string;
  role: Role;
  csrf: string;
}

const NAV: { href: string; key: keyof Texts['nav']; roles: Role[] }[] = [
  { href: '/', key: 'dashboard', roles: ['admin', 'viewer', 'commune'] },
  { href: '/report', key: 'report', roles: ['admin', 'viewer'] },
  { href: '/terminals', key: 'terminals', roles: ['admin', 'technician'] },
  { href: '/fleet', key: 'fleet', roles: ['admin', 'technician'] },
  { href: '/pushes', key: 'pushes', roles: ['admin'] },
  { href: '/admin/communes', key: 'communes', roles: ['admin'] },
  { href: '/admin/targets', key: 'targets', roles: ['admin'] },
  { href: '/admin/accounts', key: 'accounts', roles: ['admin'] },
];

export const csrfField = (viewer: Viewer) => `<input type="hidden" name="_csrf" value="${esc(viewer.csrf)}">`;

/** `returnTo`: where the language switch comes back to (the page with its period and list page), `path` by default. */
export function page(input: {
  lang: Lang;
  t: Texts;
  title: string;
  viewer?: Viewer;
  path: string;
  returnTo?: string;
  body: string;
  scripts?: string[];
}): string {
  const { lang, t, viewer } = input;
  const other = lang === 'vi' ? 'en' : 'vi';
  const nav = viewer
    ? `<nav aria-label="${esc(t.appTitle)}"><ul>${NAV.filter((n) => n.roles.includes(viewer.role))
        .map((n) => `<li><a href="${n.href}"${n.href === input.path ? ' aria-current="page"' : ''}>${esc(t.nav[n.key])}</a></li>`)
        .join('')}</ul></nav>
      <form method="post" action="/signout" class="signout">${csrfField(viewer)}<span>${esc(t.signedInAs(viewer.displayName, t.roles[viewer.role]))}</span> <button type="submit">${esc(t.signOut)}</button></form>`
    : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(input.title)} — ${esc(t.appTitle)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/portal.css">${(input.scripts ?? []).map((s) => (s.endsWith('.css') ? `<link rel="stylesheet" href="${s}">` : `<script src="${s}" defer></script>`)).join('')}
</head><body>
<a class="skip" href="#main">${esc(t.skip)}</a>
<header><p class="brand">${esc(t.appTitle)}</p>${nav}<a class="lang" href="/lang/${other}?next=${encodeURIComponent(input.returnTo ?? input.path)}" lang="${other}">${esc(t.language)}</a></header>
<main id="main"><h1>${esc(input.title)}</h1>
${input.body}
</main></body></html>`;
}
