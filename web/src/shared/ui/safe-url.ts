/**
 * Only http(s) URLs and paths on this site (uploaded images: /api/v1/media/files/…) become links or images; anything
 * else (javascript:, data:, protocol-relative //host) stays text.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  if (/^\/(?![/\\])/.test(url)) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** "https://www.example.com/shop/" → "example.com/shop" for display. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
}
