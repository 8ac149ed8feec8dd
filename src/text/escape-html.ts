// The one escape for text placed in HTML or XML (mail bodies, SVG avatars, pages).
export function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
