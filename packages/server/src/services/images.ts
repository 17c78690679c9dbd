// Uploaded images: the type is read from the bytes (never from a name or header), and every
// metadata block (EXIF with its GPS position, XMP, IPTC, ICC profiles, comments, text chunks) is
// dropped without decoding the picture, so what is served carries nothing but the picture.
import type { StoredImage } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import { createHash } from 'node:crypto';

export type ImageType = StoredImage['type'];

export interface CleanImage {
  type: ImageType;
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** Larger pictures are refused: a browser would decode them into hundreds of megabytes. */
export const MAX_IMAGE_SIDE = 8000;

const EXTENSIONS: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
export const extensionOf = (type: ImageType) => EXTENSIONS[type];
export const typeOfExtension = (ext: string) => (Object.entries(EXTENSIONS).find(([, e]) => e === ext)?.[0] as ImageType | undefined) ?? null;

const bad = (detail: string) => new ProblemError('unsupported_media_type', detail);
const broken = () => bad('The image is damaged or incomplete');

/** What the bytes are, whatever they were called. */
export function sniff(b: Uint8Array): ImageType | null {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png';
  if (b.length > 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32le = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

/**
 * JPEG: keep the segments that draw the picture (tables, frame, scans, JFIF, Adobe's colour
 * transform) and drop APP1–APP13 and APP15 (EXIF, XMP, ICC, IPTC…) and comments, wherever they
 * are, and anything after the end marker.
 */
function cleanJpeg(b: Uint8Array): CleanImage {
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  let at = 2;
  let width = 0;
  let height = 0;
  for (;;) {
    while (at < b.length && b[at] === 0xff && b[at + 1] === 0xff) at++; // fill bytes
    if (at + 1 >= b.length || b[at] !== 0xff) throw broken();
    const marker = b[at + 1]!;
    if (marker === 0xd9) {
      parts.push(b.subarray(at, at + 2));
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(b.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > b.length) throw broken();
    const end = at + 2 + u16be(b, at + 2);
    if (end > b.length) throw broken();
    const metadata = (marker >= 0xe1 && marker <= 0xed) || marker === 0xef || marker === 0xfe;
    if (!metadata) parts.push(b.subarray(at, end));
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC): the frame's size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      height = u16be(b, at + 5);
      width = u16be(b, at + 7);
    }
    at = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 00 or a restart.
      let next = at;
      while (next + 1 < b.length && !(b[next] === 0xff && b[next + 1] !== 0x00 && !(b[next + 1]! >= 0xd0 && b[next + 1]! <= 0xd7))) next++;
      if (next + 1 >= b.length) throw broken();
      parts.push(b.subarray(at, next));
      at = next;
    }
  }
  return { type: 'image/jpeg', width, height, bytes: concat(parts) };
}

/** PNG: only the chunks that draw the picture (and its transparency, gamma, animation) stay. */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs', 'acTL', 'fcTL', 'fdAT']);

function cleanPng(b: Uint8Array): CleanImage {
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  let at = 8;
  let width = 0;
  let height = 0;
  for (;;) {
    if (at + 12 > b.length) throw broken();
    const length = u32be(b, at);
    const type = ascii(b, at + 4, 4);
    const end = at + 12 + length;
    if (end > b.length) throw broken();
    if (type === 'IHDR') (width = u32be(b, at + 8)), (height = u32be(b, at + 12));
    if (PNG_KEPT.has(type)) parts.push(b.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return { type: 'image/png', width, height, bytes: concat(parts) };
}

/** WebP: ICCP, EXIF and XMP chunks go, and the extended header stops announcing them. */
function cleanWebp(b: Uint8Array): CleanImage {
  const chunks: Uint8Array[] = [];
  let at = 12;
  let width = 0;
  let height = 0;
  const end = Math.min(b.length, 8 + u32le(b, 4));
  while (at + 8 <= end) {
    const type = ascii(b, at, 4);
    const size = u32le(b, at + 4);
    const next = at + 8 + size + (size & 1);
    if (at + 8 + size > end) throw broken();
    const data = at + 8;
    if (type === 'VP8X') {
      const chunk = b.slice(at, Math.min(next, end));
      chunk[8] = chunk[8]! & ~(0x20 | 0x08 | 0x04); // ICC, EXIF, XMP flags
      chunks.push(chunk);
      width = u24le(b, data + 4) + 1;
      height = u24le(b, data + 7) + 1;
    } else if (type === 'VP8 ' && !width) {
      if (b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a) throw broken();
      width = (b[data + 6]! | (b[data + 7]! << 8)) & 0x3fff;
      height = (b[data + 8]! | (b[data + 9]! << 8)) & 0x3fff;
      chunks.push(b.subarray(at, Math.min(next, end)));
    } else if (type === 'VP8L' && !width) {
      if (b[data] !== 0x2f) throw broken();
      const bits = u32le(b, data + 1);
      width = (bits & 0x3fff) + 1;
      height = ((bits >>> 14) & 0x3fff) + 1;
      chunks.push(b.subarray(at, Math.min(next, end)));
    } else if (type !== 'ICCP' && type !== 'EXIF' && type !== 'XMP ') {
      chunks.push(b.subarray(at, Math.min(next, end)));
    }
    at = next;
  }
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(b.subarray(0, 4));
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  header.set(b.subarray(8, 12), 8);
  return { type: 'image/webp', width, height, bytes: concat([header, body]) };
}

/** The picture alone, or a 415 saying why not. */
export function cleanImage(bytes: Uint8Array): CleanImage {
  const type = sniff(bytes);
  if (!type) throw bad('Expected a JPEG, PNG or WebP image (read from its content)');
  let image: CleanImage;
  try {
    image = type === 'image/jpeg' ? cleanJpeg(bytes) : type === 'image/png' ? cleanPng(bytes) : cleanWebp(bytes);
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw broken();
  }
  if (!image.width || !image.height) throw broken();
  if (image.width > MAX_IMAGE_SIDE || image.height > MAX_IMAGE_SIDE) throw bad(`At most ${MAX_IMAGE_SIDE} pixels on a side`);
  return image;
}

/** `/images/<sha-256 of the bytes>.<ext>`: the URL names its content, so it can be cached for ever. */
export const imagePath = (id: string, type: ImageType) => `/images/${id}.${extensionOf(type)}`;

/** Stores the cleaned image once (the same bytes are the same row) and says where it is served. */
export async function storeImage(q: Queryable, baseUrl: string, organizationId: string, upload: Uint8Array): Promise<StoredImage> {
  const image = cleanImage(upload);
  const id = createHash('sha256').update(image.bytes).digest('hex');
  await q.query(
    `insert into images (id, organization_id, media_type, width, height, bytes) values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing`,
    [id, organizationId, image.type, image.width, image.height, image.bytes],
  );
  return { url: `${baseUrl}${imagePath(id, image.type)}`, type: image.type, width: image.width, height: image.height, bytes: image.bytes.length };
}

export async function readImage(q: Queryable, id: string): Promise<{ type: ImageType; bytes: Uint8Array } | null> {
  const [row] = await q.query<{ media_type: ImageType; bytes: Uint8Array }>('select media_type, bytes from images where id = $1', [id]);
  return row ? { type: row.media_type, bytes: row.bytes } : null;
}
