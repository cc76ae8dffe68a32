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
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
  'caption', 'html',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'head', 'button', 'select', 'input', 'textarea', 'video', 'audio', 'map']);
const CHROME_TAGS = ['nav', 'header', 'footer', 'aside', 'form', 'menu'];
const CHROME_ATTR = /(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|footer|header|sidebar|share|sharing|social|cookie|banner|lang(uage)?-?(switch|select)|skip-?link|pagination|related|subscribe|tags)($|[\s_-])/i;

/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = any;

function text(n: Node): string {
  return String(n?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A list whose items are short links: site navigation, tag clouds, "related" lists. */
function isLinkList(el: Node): boolean {
  const items: Node[] = Array.from(el.querySelectorAll('li'));
  if (items.length < 3) return false;
  let linky = 0;
  for (const li of items) {
    const t = text(li);
    const a = Array.from(li.querySelectorAll('a')).map((x: Node) => text(x)).join(' ');
    if (t.length <= 60 && a.length >= t.length * 0.8) linky++;
  }
  return linky >= items.length * 0.8;
}

function toText(root: Node): string {
  const out: string[] = [];
  const walk = (n: Node, pre: boolean) => {
    if (n.nodeType === 3) {
      const v = String(n.nodeValue ?? '');
      out.push(pre ? v : v.replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const tag = String(n.localName ?? n.nodeName ?? '').toLowerCase();
    if (SKIP.has(tag)) return;
    if (n.getAttribute?.('hidden') !== null && n.getAttribute?.('hidden') !== undefined) return;
    if (/display\s*:\s*none/i.test(n.getAttribute?.('style') ?? '')) return;
    if ((tag === 'ul' || tag === 'ol') && isLinkList(n)) return;
    if (tag === 'br') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out.push('\n\n');
    if (tag === 'td' || tag === 'th') out.push(' ');
    const isPre = pre || tag === 'pre';
    for (const c of Array.from(n.childNodes ?? []) as Node[]) walk(c, isPre);
    if (block) out.push('\n\n');
  };
  walk(root, false);
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00A0]+/g, (m) => (m.includes('\u00A0') && m.length === 1 ? '\u00A0' : ' ')).trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function meta(doc: Node, ...selectors: string[]): string | null {
  for (const s of selectors) {
    const el = doc.querySelector(s);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    if (v && String(v).trim()) return String(v).trim();
  }
  return null;
}

function stripChrome(doc: Node): void {
  for (const t of CHROME_TAGS) for (const el of Array.from(doc.querySelectorAll(t)) as Node[]) el.remove();
  for (const el of Array.from(doc.querySelectorAll('[role="navigation"],[role="banner"],[role="contentinfo"],[aria-hidden="true"]')) as Node[]) el.remove();
  for (const el of Array.from(doc.querySelectorAll('[class],[id]')) as Node[]) {
    const attr = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (CHROME_ATTR.test(attr) && !el.querySelector('article, main')) el.remove();
  }
}

export function extractHtml(html: string): HtmlExtract {
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  const doc = document as Node;
  const title =
    meta(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]') ??
    (text(doc.querySelector('title')) || null) ??
    null;
  const published = meta(
    doc,
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[name="publish-date"]',
    'meta[name="DC.date.issued"]',
    'meta[name="DC.date"]',
    'meta[name="dcterms.date"]',
    'time[itemprop="datePublished"]',
    'article time[datetime]',
    'time[datetime]',
  );
  const siteName = meta(doc, 'meta[property="og:site_name"]', 'meta[name="application-name"]');
  const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'meta[property="og:url"]');
  const h1 = text(doc.querySelector('h1')) || null;

  let body = '';
  let method: HtmlExtract['method'] = 'readability';
  try {
    // Readability mutates the DOM: give it its own copy
    const { document: copy } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
    const article = new Readability(copy as unknown as Document, { charThreshold: 200 }).parse();
    if (article?.content) {
      const { document: adoc } = parseHTML(`<!doctype html><html><head></head><body>${article.content}</body></html>`);
      body = toText((adoc as Node).body);
    }
  } catch {
    body = '';
  }
  // Readability may drop short pages or keep only a fragment: use the whole body if it did
  if (body.length < 200) {
    stripChrome(doc);
    const whole = toText(doc.body ?? doc.documentElement);
    if (whole.length > body.length) {
      body = whole;
      method = 'body';
    }
  }
  // the page's headline, when Readability left it out, leads the text (the header parser takes it as the title)
  const head = h1 ?? title;
  if (head && !body.slice(0, head.length + 200).includes(head)) body = `${head}\n\n${body}`;
  return { text: body, title: h1 ?? title, published, siteName, url: url ? String(url) : null, method };
}
