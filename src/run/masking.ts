/**
 * Replaces every known secret in text with a mask, in each form a secret takes on its way out: raw, URL-encoded
 * (both encodeURIComponent and form encoding), JSON-escaped, HTML-escaped, and inside base64 `id:secret` Basic
 * credentials. Values shorter than MIN_SECRET_LENGTH are left alone: masking "1" would garble every report.
 */
export const MASK = '•••••';
export const MIN_SECRET_LENGTH = 6;

export class Masker {
  private readonly secrets = new Set<string>();
  private readonly identities = new Set<string>();
  private forms: string[] = [];

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
    return out;
  }

  private rebuild(): void {
    const forms = new Set<string>();
    for (const secret of this.secrets) {
      forms.add(secret);
      forms.add(encodeURIComponent(secret));
      forms.add(new URLSearchParams({ v: secret }).toString().slice(2));
      forms.add(JSON.stringify(secret).slice(1, -1));
      forms.add(secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
      for (const id of this.identities) {
        forms.add(Buffer.from(`${id}:${secret}`).toString('base64'));
        forms.add(Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64'));
      }
    }
    // Longest first, so a secret inside a longer encoded form is replaced as a whole.
    this.forms = [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  }
}
