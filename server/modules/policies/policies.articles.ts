/**
 * Pasted policy text → addressable articles (第N条), so an answer can cite 第三十六条 and the
 * worker reads exactly that article. An article starts at a line beginning with 第…条; a
 * line beginning with 第…章 names the chapter of the articles after it. Text with no
 * article marker is kept whole as one article (a notice, a company circular).
 */

export interface ParsedArticle {
  seq: number;
  label: string;
  chapter: string | null;
  body: string;
}

const NUM = '[零〇一二三四五六七八九十百千两\\d]+';
const ARTICLE = new RegExp(`^\\s*(第${NUM}条)\\s*(.*)$`);
const CHAPTER = new RegExp(`^\\s*(第${NUM}章.*)$`);
const MAX_ARTICLES = 2000;

export function parseArticles(text: string): ParsedArticle[] {
  const out: ParsedArticle[] = [];
  let chapter: string | null = null;
  let current: ParsedArticle | null = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\u3000/g, ' ').trim();
    if (!line) continue;
    const ch = CHAPTER.exec(line);
    if (ch) {
      chapter = ch[1].replace(/\s+/g, ' ');
      continue;
    }
    const art = ARTICLE.exec(line);
    if (art && out.length < MAX_ARTICLES) {
      current = { seq: out.length + 1, label: art[1], chapter, body: art[2].trim() };
      out.push(current);
    } else if (current) {
      current.body = current.body ? `${current.body}\n${line}` : line;
    }
  }
  const kept = out.filter((a) => a.body.length > 0).map((a, i) => ({ ...a, seq: i + 1 }));
  if (kept.length) return kept;
  const whole = text.trim();
  return whole ? [{ seq: 1, label: '全文', chapter: null, body: whole }] : [];
}
