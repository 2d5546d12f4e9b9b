// Rendered fragments kept as bytes, plain and gzipped, against a stamp that says what
// they were rendered from (a salon's revision, the minute shown as 時点, the filter...).
// A page opened all day on every terminal is rendered and compressed once per change
// instead of once per view, and a view only sends bytes already made.
import { gzipSync } from "node:zlib";

export type Bytes = Uint8Array<ArrayBuffer>;

const utf8 = new TextEncoder();

/** One rendered fragment or page, as sent without and with Content-Encoding: gzip. */
export class Rendered {
  readonly gzip: Bytes;

  constructor(readonly bytes: Bytes) {
    const gz = gzipSync(bytes, { level: 6 });
    this.gzip = new Uint8Array(gz.buffer as ArrayBuffer, gz.byteOffset, gz.byteLength);
  }

  get size(): number {
    return this.bytes.byteLength + this.gzip.byteLength;
  }
}

interface Entry {
  stamp: string;
  rendered: Rendered;
}

export class FragmentCache {
  private readonly entries = new Map<string, Entry>();
  private size = 0;

  /** Bounded by bytes; the least recently used fragment goes first. */
  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  /** What is cached under `key` if it was rendered from `stamp`, else `render()`'s text. */
  get(key: string, stamp: string, render: () => string): Rendered {
    return this.getBytes(key, stamp, () => utf8.encode(render()));
  }

  /** As get, for bytes built otherwise (a page joined around a fragment). */
  getBytes(key: string, stamp: string, build: () => Bytes): Rendered {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      if (hit.stamp === stamp) {
        this.entries.set(key, hit); // now the most recently used
        return hit.rendered;
      }
      this.size -= hit.rendered.size;
    }
    const rendered = new Rendered(build());
    this.entries.set(key, { stamp, rendered });
    this.size += rendered.size;
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.maxBytes || oldest === key) break;
      this.entries.delete(oldest);
      this.size -= entry.rendered.size;
    }
    return rendered;
  }

  /** Drops the entries whose key matches: pages that showed what was just deleted. */
  forget(matches: (key: string) => boolean): void {
    for (const [key, entry] of this.entries) {
      if (!matches(key)) continue;
      this.entries.delete(key);
      this.size -= entry.rendered.size;
    }
  }
}

/** Joins rendered text and bytes into one body. */
export function joinBytes(...parts: (string | Bytes)[]): Bytes {
  const encoded = parts.map((p) => (typeof p === "string" ? utf8.encode(p) : p));
  const out = new Uint8Array(encoded.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of encoded) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
