import { MASK } from '../compile/secrets.js';

/**
 * Replaces every known secret in text with a mask, in each form a secret takes on its way out: raw, URL-encoded
 * to any degree (a resolved `{{variable}}` in a URL has only some characters encoded, so each character may
 * appear raw or percent-encoded, and a space as `+`), JSON-escaped, HTML-escaped, and inside base64 `id:secret`
 * Basic credentials. Values shorter than MIN_SECRET_LENGTH are left alone: masking "1" would garble every report.
 */
export const MIN_SECRET_LENGTH = 6;

export { MASK };

export class Masker {
  private readonly secrets = new Set<string>();
  private readonly identities = new Set<string>();
  private forms: string[] = [];
  private patterns: RegExp[] = [];

  /** A value to hide from every output. */
  addSecret(value: string | undefined): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.secrets.has(value)) return;
    this.secrets.add(value);
    this.rebuild();
  }

  /** A non-secret value that may be paired with a secret in Basic credentials (a client id). */
  addIdentity(value: string | undefined): void {
    if (!value || this.identities.has(value)) return;
    this.identities.add(value);
    this.rebuild();
  }

  get size(): number {
    return this.secrets.size;
  }

  mask(text: string): string {
    let out = text;
    for (const form of this.forms) if (out.includes(form)) out = out.split(form).join(MASK);
    for (const pattern of this.patterns) out = out.replace(pattern, MASK);
    return out;
  }

  private rebuild(): void {
    const forms = new Set<string>();
    for (const secret of this.secrets) {
      forms.add(secret);
      forms.add(encodeURIComponent(secret));
      forms.add(new URLSearchParams({ v: secret }).toString().slice(2));
      forms.add(JSON.stringify(secret).slice(1, -1));
      forms.add(
        secret
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&#39;'),
      );
      for (const id of this.identities) {
        forms.add(Buffer.from(`${id}:${secret}`).toString('base64'));
        forms.add(Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64'));
      }
    }
    // Longest first, so a secret inside a longer encoded form is replaced as a whole.
    this.forms = [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
    this.patterns = [...this.secrets].filter((secret) => /[^A-Za-z0-9_.~-]/.test(secret)).map(partlyEncoded);
  }
}

/** Matches a secret whatever mix of its characters is percent-encoded (and a space as `+`). */
function partlyEncoded(secret: string): RegExp {
  const parts = [...secret].map((c) => {
    const literal = c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    if (/[A-Za-z0-9_.~-]/.test(c)) return literal;
    const encoded = encodeURIComponent(c).replace(
      /%([0-9A-F]{2})/g,
      (_m, hex: string) => `%[${hex[0]}${hex[0]!.toLowerCase()}][${hex[1]}${hex[1]!.toLowerCase()}]`,
    );
    return `(?:${literal}|${encoded}${c === ' ' ? '|\\+' : ''})`;
  });
  return new RegExp(parts.join(''), 'g');
}
