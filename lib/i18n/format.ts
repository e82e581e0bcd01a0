/**
 * The part of ICU MessageFormat our client-side messages use, so the browser needs no
 * message-format library: `{name}`, `{name, select, a {…} other {…}}`, `{n, plural, one {…}
 * other {…}}` (with `=N` and `#`), and `<tag>…</tag>` for rich text. Anything else in a message
 * fails loudly in tests/unit/portal-i18n-format.test.ts, which formats every message the client
 * components use in every language here and with next-intl and compares the two.
 */
export type Messages = { [key: string]: string | Messages };
export type Values = Record<string, string | number>;
/** A part of the output: text, or whatever a tag function made of its chunks (React nodes). */
export type Part = unknown;
export type RichValues = Record<string, string | number | ((chunks: Part[]) => Part)>;

/** `skip`: only find where a branch ends (the branches not chosen are parsed, not formatted). */
type Context = { locale: string; values: RichValues; hash?: number; skip?: boolean };

class MessageSyntaxError extends Error {}

function skipSpace(src: string, pos: number): number {
  while (pos < src.length && /\s/.test(src[pos]!)) pos++;
  return pos;
}

function readUntil(src: string, pos: number, stops: string): [string, number] {
  let end = pos;
  while (end < src.length && !stops.includes(src[end]!)) end++;
  if (end >= src.length) throw new MessageSyntaxError(`unterminated argument in "${src}"`);
  return [src.slice(pos, end).trim(), end];
}

/** Parses and formats from `pos` up to a `}` or `</` that ends the enclosing branch or tag. */
function formatFrom(src: string, pos: number, ctx: Context): [Part[], number] {
  const parts: Part[] = [];
  let text = "";
  const flush = () => {
    if (text) parts.push(text);
    text = "";
  };
  while (pos < src.length) {
    const ch = src[pos]!;
    if (ch === "}" || (ch === "<" && src[pos + 1] === "/")) break;
    if (ch === "#" && ctx.hash !== undefined) {
      text += new Intl.NumberFormat(ctx.locale).format(ctx.hash);
      pos++;
    } else if (ch === "<") {
      const close = src.indexOf(">", pos);
      if (close < 0) throw new MessageSyntaxError(`unterminated tag in "${src}"`);
      const tag = src.slice(pos + 1, close);
      const [children, end] = formatFrom(src, close + 1, ctx);
      if (!src.startsWith(`</${tag}>`, end))
        throw new MessageSyntaxError(`<${tag}> is not closed in "${src}"`);
      pos = end + tag.length + 3;
      if (ctx.skip) continue;
      const render = ctx.values[tag];
      if (typeof render !== "function") throw new MessageSyntaxError(`no function for <${tag}>`);
      flush();
      parts.push(render(children));
    } else if (ch === "{") {
      const [name, afterName] = readUntil(src, pos + 1, ",}");
      const value = ctx.values[name];
      if (src[afterName] === "}") {
        pos = afterName + 1;
        if (ctx.skip) continue;
        if (value === undefined || typeof value === "function") {
          throw new MessageSyntaxError(`no value for {${name}}`);
        }
        text += typeof value === "number" ? new Intl.NumberFormat(ctx.locale).format(value) : value;
        continue;
      }
      const [type, afterType] = readUntil(src, afterName + 1, ",");
      if (type !== "select" && type !== "plural")
        throw new MessageSyntaxError(`{${name}, ${type}} unsupported`);
      const branches = new Map<string, [number, number]>();
      let p = afterType + 1;
      for (;;) {
        p = skipSpace(src, p);
        if (src[p] === "}") break;
        const [key, afterKey] = readUntil(src, p, "{");
        // Skipped now, formatted once chosen: parse it to find where it ends.
        const [, end] = formatFrom(src, afterKey + 1, { ...ctx, skip: true });
        if (src[end] !== "}") throw new MessageSyntaxError(`unterminated branch in "${src}"`);
        branches.set(key, [afterKey + 1, end]);
        p = end + 1;
      }
      pos = p + 1;
      if (ctx.skip) continue;
      let chosen: [number, number] | undefined;
      let hash: number | undefined;
      if (type === "select") {
        chosen = branches.get(String(value)) ?? branches.get("other");
      } else {
        hash = Number(value);
        chosen =
          branches.get(`=${hash}`) ??
          branches.get(new Intl.PluralRules(ctx.locale).select(hash)) ??
          branches.get("other");
      }
      if (!chosen) throw new MessageSyntaxError(`no branch for ${String(value)} in "${src}"`);
      flush();
      const [branch] = formatFrom(src, chosen[0], { ...ctx, hash: hash ?? ctx.hash });
      for (const part of branch) {
        if (typeof part === "string") text += part;
        else {
          flush();
          parts.push(part);
        }
      }
    } else {
      text += ch;
      pos++;
    }
  }
  flush();
  return [parts, pos];
}

/** Formats `message` with `values`; text parts are strings, tags are what their functions make. */
export function formatMessage(message: string, locale: string, values: RichValues = {}): Part[] {
  const [parts, end] = formatFrom(message, 0, { locale, values });
  if (end !== message.length) throw new MessageSyntaxError(`unbalanced "}" or "</" in "${message}"`);
  return parts;
}
