/**
 * HTML → main-content text. Metadata comes from <title>/<meta>; the article body from
 * @mozilla/readability over a linkedom DOM, falling back to the page body without its
 * navigation, header, footer and sidebars. Block elements become line breaks.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface HtmlExtract {
  text: string;
  title: string | null;
  published: string | null;
  siteName: string | null;
  url: string | null;
  /** "readability" or "body" */
  method: 'readability' | 'body';
  /** lines of the whole page near the top (before the article text is cut out): date stamps, switchers */
  pageLines: string[];
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
  'html',
]);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'head',
  'button',
  'select',
  'input',
  'textarea',
  'video',
  'audio',
  'map',
]);
const CHROME_TAGS = ['nav', 'header', 'footer', 'aside', 'form', 'menu'];
const CHROME_ATTR =
  /(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|footer|header|sidebar|share|sharing|social|cookie|banner|lang(uage)?-?(switch|select)|skip-?link|pagination|related|subscribe|tags)($|[\s_-])/i;

/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = any;

function text(n: Node): string {
  return String(n?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/*
 * The walks below visit children through firstChild/nextSibling: linkedom builds a new array for
 * every childNodes read and compiles the selector of every querySelector(All) call. The document's
 * own children are read as childNodes: linkedom's doctype node has no nextSibling.
 */

/**
 * Calls visit on each element under root in document order, as querySelectorAll does: the
 * contents of a <template> are not searched (linkedom skips them), the template itself is.
 */
function eachElement(root: Node, visit: (el: Node) => void): void {
  if (root.nodeType === 9) {
    for (const c of root.childNodes as Node[]) visitElement(c, visit);
    return;
  }
  for (let c = root.firstChild; c; c = c.nextSibling) visitElement(c, visit);
}

function visitElement(c: Node, visit: (el: Node) => void): void {
  if (c.nodeType !== 1) return;
  visit(c);
  if (c.localName !== 'template') eachElement(c, visit);
}

/** querySelectorAll(tag) for a lower-case tag name (selectors match lower-cased names in HTML). */
function elementsByTag(root: Node, tag: string): Node[] {
  const out: Node[] = [];
  eachElement(root, (el) => {
    if (String(el.localName).toLowerCase() === tag) out.push(el);
  });
  return out;
}

/** Whether n's textContent is longer than max, without building it (text and CDATA nodes, as textContent). */
function textLongerThan(n: Node, max: number): boolean {
  let len = 0;
  const walk = (p: Node): boolean => {
    for (let c = p.firstChild; c; c = c.nextSibling) {
      const t = c.nodeType;
      if (t === 3 || t === 4) {
        len += String(c.textContent ?? '').length;
        if (len > max) return true;
      } else if (t === 1 && walk(c)) return true;
    }
    return false;
  };
  return walk(n);
}

/** A list whose items are short links: site navigation, tag clouds, "related" lists. */
function isLinkList(el: Node): boolean {
  const items = elementsByTag(el, 'li');
  if (items.length < 3) return false;
  let linky = 0;
  for (const li of items) {
    const t = text(li);
    const a = elementsByTag(li, 'a')
      .map((x: Node) => text(x))
      .join(' ');
    // short items only: a list of linked document titles inside an article is content
    if (t.length <= 45 && t.split(' ').length <= 6 && a.length >= t.length * 0.8) linky++;
  }
  return linky >= items.length * 0.8;
}

const DISPLAY_NONE = /display\s*:\s*none/i;

function toText(root: Node, keepLinkLists = false): string {
  return rawText(root, keepLinkLists)
    .split('\n')
    .map(tidyLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function tidyLine(l: string): string {
  return l.replace(/[ \t]{2,}/g, ' ').trim();
}

/**
 * The text of root with block breaks, before its lines are tidied. memo holds the raw text of
 * elements walked before (outside <pre>, with the same keepLinkLists): the page lines read the
 * headline's neighbours and then their parent, which holds them.
 */
function rawText(root: Node, keepLinkLists: boolean, memo?: Map<Node, string>): string {
  const out: string[] = [];
  const walk = (n: Node, pre: boolean) => {
    const type = n.nodeType;
    if (type === 3) {
      const v = String(n.nodeValue ?? '');
      out.push(pre ? v : v.replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (type !== 1 && type !== 9 && type !== 11) return;
    if (memo && !pre) {
      const known = memo.get(n);
      if (known !== undefined) {
        out.push(known);
        return;
      }
    }
    const tag = String(n.localName ?? n.nodeName ?? '').toLowerCase();
    if (SKIP.has(tag)) return;
    const hidden = n.getAttribute?.('hidden');
    if (hidden !== null && hidden !== undefined) return;
    const style = n.getAttribute?.('style');
    if (style != null && DISPLAY_NONE.test(style)) return;
    if (!keepLinkLists && (tag === 'ul' || tag === 'ol') && isLinkList(n)) return;
    if (tag === 'br') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out.push('\n\n');
    if (tag === 'td' || tag === 'th') out.push(' ');
    const isPre = pre || tag === 'pre';
    if (type === 9) for (const c of n.childNodes as Node[]) walk(c, isPre);
    else for (let c = n.firstChild; c; c = c.nextSibling) walk(c, isPre);
    if (block) out.push('\n\n');
  };
  walk(root, false);
  return out.join('');
}

interface PageIndex {
  /** <meta>/<time>/<link> values by a key such as "property=og:title" */
  meta: Map<string, string>;
  /** the first <title> and <h1>, as querySelector finds them */
  title: Node | null;
  h1: Node | null;
}

/**
 * One walk over the page for what querySelectorAll('meta, time[datetime], link[rel="canonical"]')
 * and querySelector('title') / querySelector('h1') would find (rel is matched case-insensitively,
 * as css-select does in HTML documents).
 */
function indexPage(doc: Node): PageIndex {
  const idx = new Map<string, string>();
  let title: Node | null = null;
  let h1: Node | null = null;
  eachElement(doc, (el) => {
    const tag = String(el.localName).toLowerCase();
    let k: string | null = null;
    let v: string | null = null;
    if (tag === 'meta') {
      const name = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
      if (name) {
        k = String(name).toLowerCase();
        v = el.getAttribute('content');
      }
    } else if (tag === 'time') {
      if (!el.hasAttribute('datetime')) return;
      k = el.getAttribute('itemprop') === 'datePublished' ? 'time:datepublished' : 'time';
      v = el.getAttribute('datetime');
    } else if (tag === 'link') {
      const rel = el.getAttribute('rel');
      if (rel == null || rel.length !== 9 || rel.toLowerCase() !== 'canonical') return;
      k = 'canonical';
      v = el.getAttribute('href');
    } else {
      if (tag === 'title') title ??= el;
      else if (tag === 'h1') h1 ??= el;
      return;
    }
    if (k && v && String(v).trim() && !idx.has(k)) idx.set(k, String(v).trim());
  });
  return { meta: idx, title, h1 };
}

function pick(idx: Map<string, string>, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = idx.get(k);
    if (v) return v;
  }
  return null;
}

function stripChrome(doc: Node): void {
  for (const t of CHROME_TAGS) for (const el of Array.from(doc.querySelectorAll(t)) as Node[]) el.remove();
  for (const el of Array.from(
    doc.querySelectorAll('[role="navigation"],[role="banner"],[role="contentinfo"],[aria-hidden="true"]'),
  ) as Node[])
    el.remove();
  for (const el of Array.from(doc.querySelectorAll('[class],[id]')) as Node[]) {
    const attr = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (CHROME_ATTR.test(attr) && !el.querySelector('article, main')) el.remove();
  }
}

export function extractHtml(html: string): HtmlExtract {
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(wrapped);
  const doc = document as Node;
  const page = indexPage(doc);
  const idx = page.meta;
  const docTitle = text(page.title);
  const title = pick(idx, 'og:title', 'twitter:title', 'title') ?? (docTitle || null);
  const published = pick(
    idx,
    'article:published_time',
    'datepublished',
    'date',
    'pubdate',
    'publish-date',
    'dc.date.issued',
    'dc.date',
    'dcterms.date',
    'time:datepublished',
    'time',
  );
  const siteMeta = pick(idx, 'og:site_name', 'application-name');
  const url = pick(idx, 'canonical', 'og:url');
  const h1El = page.h1;
  const h1 = text(h1El) || null;
  // the page's own lines, navigation included, for signals Readability may cut away (date stamp, language switcher)
  // (only the lines next to the headline: sidebars list other articles with their own dates)
  const pageLines: string[] = [];
  const memo = new Map<Node, string>();
  if (h1El) {
    for (const el of [h1El, h1El.parentElement].filter(Boolean) as Node[]) {
      const near: Node[] = [el];
      for (let p = el.previousElementSibling, k = 0; p && k < 3; p = p.previousElementSibling, k++) near.unshift(p);
      for (let p = el.nextElementSibling, k = 0; p && k < 3; p = p.nextElementSibling, k++) near.push(p);
      for (const n of near) {
        if (textLongerThan(n, 2000)) continue;
        // the non-blank lines of toText(n, true)
        const raw = rawText(n, true, memo);
        memo.set(n, raw);
        for (const l of raw.split('\n')) {
          const t = tidyLine(l);
          if (t) pageLines.push(t);
        }
      }
    }
  }
  // "<headline> - The Ministry of …": the <title> suffix names the site
  let siteFromTitle: string | null = null;
  if (h1 && docTitle.startsWith(h1)) {
    const rest = docTitle
      .slice(h1.length)
      .replace(/^\s*[-–—|:·•]\s*/, '')
      .trim();
    if (rest && rest !== docTitle.slice(h1.length).trim()) siteFromTitle = rest;
  } else {
    const m = /^(.{10,}?)\s+[|–—-]\s+([^|–—-]{3,80})$/.exec(docTitle);
    if (m) siteFromTitle = m[2]!.trim();
  }

  let body = '';
  let method: HtmlExtract['method'] = 'readability';
  try {
    // Readability mutates the DOM: metadata and page lines were read above
    // the article element itself, not its HTML (serialising and parsing it again cost more than Readability)
    // keepClasses: Readability's last step strips class attributes, which toText never reads
    const article = new Readability(doc as unknown as Document, {
      charThreshold: 200,
      keepClasses: true,
      serializer: (el: globalThis.Node) => el as unknown as string,
    }).parse();
    const content = article?.content as unknown as Node | null | undefined;
    if (content && (content.childNodes?.length ?? 0) > 0) body = toText(content);
  } catch {
    body = '';
  }
  // Readability may drop short pages or keep only a fragment: use the whole body if it did
  if (body.length < 200) {
    const { document: fresh } = parseHTML(wrapped);
    const page = fresh as Node;
    stripChrome(page);
    const whole = toText(page.body ?? page.documentElement);
    if (whole.length > body.length) {
      body = whole;
      method = 'body';
    }
  }
  // the page's headline, when Readability left it out, leads the text (the header parser takes it as the title)
  const head = h1 ?? title;
  if (head && !body.slice(0, head.length + 200).includes(head)) body = `${head}\n\n${body}`;
  const siteName = siteMeta ?? siteFromTitle;
  const cleanTitle =
    h1 ??
    (siteFromTitle && title?.endsWith(siteFromTitle)
      ? title.slice(0, title.length - siteFromTitle.length).replace(/\s*[-–—|:·•]\s*$/, '')
      : title);
  return { text: body, title: cleanTitle, published, siteName, url: url ? String(url) : null, method, pageLines };
}
