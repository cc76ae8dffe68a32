/** Markdown → plain text: front matter read as metadata, markup removed, text kept. */

export interface MarkdownExtract {
  text: string;
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
}

function unquote(v: string): string {
  const t = v.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t;
}

export function extractMarkdown(raw: string): MarkdownExtract {
  let s = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fm: Record<string, string> = {};
  const m = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(s) ?? /^\+\+\+\n([\s\S]*?)\n\+\+\+\n/.exec(s);
  if (m) {
    for (const line of m[1]!.split('\n')) {
      const kv = /^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$/.exec(line);
      if (kv && kv[2]!.trim()) fm[kv[1]!.toLowerCase()] = unquote(kv[2]!);
    }
    s = s.slice(m[0].length);
  }
  const text = s
    .replace(/^```[^\n]*\n([\s\S]*?)^```\s*$/gm, '$1') // fenced code: keep the content
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '') // images
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links → their text
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/^\[[^\]]+\]:\s*\S+.*$/gm, '') // link definitions
    .replace(/^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm, '$1') // ATX headings
    .replace(/^ {0,3}(?:[-*_]\s*){3,}$/gm, '') // rules
    .replace(/^ {0,3}>\s?/gm, '') // block quotes
    .replace(/^(\s*)[-*+]\s+/gm, '$1• ') // bullets
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2') // bold
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2') // italic *x*
    .replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2') // italic _x_
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ''); // inline HTML tags
  return {
    text,
    title: fm.title ?? null,
    published: fm.date ?? fm.published ?? fm.pubdate ?? null,
    source: fm.source ?? fm.publisher ?? null,
    url: fm.url ?? fm.link ?? fm.original_url ?? null,
  };
}
