// Small real images, as Chromium's canvas encodes them (the JPEG and WebP carry an ICC profile),
// and the metadata a phone adds: EXIF with a GPS position, PNG text chunks.
import piexif from 'piexifjs';

const JPEG = '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAwDASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAQF/8QAHRAAAQIHAAAAAAAAAAAAAAAAABQxAQQREyEygf/EABUBAQEAAAAAAAAAAAAAAAAAAAMG/8QAIBEAAgEEAQUAAAAAAAAAAAAAARECAAMEEyESMTJBgf/aAAwDAQACEQMRAD8AzptVcgn0pln6WABCKJL71BZGZvs27WuMeh8gIya8j7S4+1//2Q==';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAwAAAAICAYAAADN5B7xAAAAPklEQVR4AbyOQQ0AMAgDG6RMyzTMChpmBQ3zNt40fPqB5B6kuaa2wr+CQbwixH1guK8IHHb/sHB8g+FZ8qQEAAD//4jJw5gAAAAGSURBVAMAw8YqKWphlDAAAAAASUVORK5CYII=';
const WEBP = 'UklGRjACAABXRUJQVlA4WAoAAAAgAAAACwAABwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggQgAAANABAJ0BKgwACAABQCYlqAJ0AQrRM9gAAP1vnM/+LjF0kMQyYBwvw+OMD/VP/IJ/8KJ6uv/RDj2v/89H//no/zgAAA==';

export const IMAGE_SIZE = { width: 12, height: 8 };

/** EXIF as a phone writes it: the camera, and where the picture was taken (Parc Morgan, Montréal). */
function exifWithGps(): string {
  return piexif.dump({
    '0th': { [piexif.ImageIFD.Make]: 'PhoneCo', [piexif.ImageIFD.Model]: 'Pocket 7' },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: 'N',
      [piexif.GPSIFD.GPSLatitude]: [[45, 1], [33, 1], [4512, 100]],
      [piexif.GPSIFD.GPSLongitudeRef]: 'W',
      [piexif.GPSIFD.GPSLongitude]: [[73, 1], [32, 1], [3021, 100]],
    },
  });
}

const fromBinary = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const toBinary = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');

/** A JPEG with an ICC profile, EXIF with GPS and a comment. */
export function jpegWithGps(): Uint8Array {
  const withExif = piexif.insert(exifWithGps(), toBinary(Buffer.from(JPEG, 'base64')));
  const b = fromBinary(withExif);
  // A comment segment (COM) after SOI + APPs: "Shot at 4512 Morgan".
  const text = new TextEncoder().encode('Shot at 4512 Morgan');
  const com = new Uint8Array([0xff, 0xfe, 0, text.length + 2, ...text]);
  return new Uint8Array([...b.subarray(0, 2), ...com, ...b.subarray(2)]);
}

export const plainJpeg = () => new Uint8Array(Buffer.from(JPEG, 'base64'));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Uint8Array) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const body = new Uint8Array([...new TextEncoder().encode(type), ...data]);
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(body, 4);
  v.setUint32(8 + data.length, crc32(body));
  return out;
}

/** A PNG with a text chunk (where a location or an author's name often hides) after its header. */
export function pngWithText(): Uint8Array {
  const b = new Uint8Array(Buffer.from(PNG, 'base64'));
  const ihdrEnd = 8 + 12 + 13;
  const text = pngChunk('tEXt', new TextEncoder().encode('Location\u000045.5519 N 73.5405 W'));
  return new Uint8Array([...b.subarray(0, ihdrEnd), ...text, ...b.subarray(ihdrEnd)]);
}

/** A WebP with an ICC profile (as Chromium writes it) and an EXIF chunk with GPS, announced in its header. */
export function webpWithExif(): Uint8Array {
  const b = new Uint8Array(Buffer.from(WEBP, 'base64'));
  const exif = new Uint8Array(fromBinary(exifWithGps()).subarray(6)); // without "Exif\0\0"
  const chunk = new Uint8Array(8 + exif.length + (exif.length & 1));
  chunk.set(new TextEncoder().encode('EXIF'));
  new DataView(chunk.buffer).setUint32(4, exif.length, true);
  chunk.set(exif, 8);
  const out = new Uint8Array([...b, ...chunk]);
  out[20] = out[20]! | 0x08; // VP8X: EXIF present
  new DataView(out.buffer).setUint32(4, out.length - 8, true);
  return out;
}
