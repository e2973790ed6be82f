/** A message as the app writes it: a few paragraphs and at most one button; rendered as plain text and HTML. */
export type MailContent = {
  subject: string;
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** A closing line, e.g. why the person got this message. */
  footer?: string;
  /** A link that stops this kind of mail without signing in, shown under the footer. */
  unsubscribe?: { label: string; url: string };
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The plain-text and simple HTML bodies of a message (the HTML carries the link as text too). */
export function renderMail(content: MailContent): { text: string; html: string } {
  const lines = [
    ...(content.greeting ? [content.greeting, ''] : []),
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    ...(content.footer ? ['--', content.footer] : []),
    ...(content.unsubscribe ? [`${content.unsubscribe.label}: ${content.unsubscribe.url}`] : []),
  ];
  const button = content.action
    ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#1f6f5c;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="font-size:13px;color:#555">Or open this address: ${escapeHtml(content.action.url)}</p>`
    : '';
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:560px">',
    ...(content.greeting ? [`<p>${escapeHtml(content.greeting)}</p>`] : []),
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    button,
    ...(content.footer ? [`<hr><p style="font-size:13px;color:#555">${escapeHtml(content.footer)}</p>`] : []),
    ...(content.unsubscribe
      ? [
          `<p style="font-size:13px"><a href="${escapeHtml(content.unsubscribe.url)}">${escapeHtml(content.unsubscribe.label)}</a></p>`,
        ]
      : []),
    '</body></html>',
  ].join('\n');
  return { text: lines.join('\n').trimEnd(), html };
}
