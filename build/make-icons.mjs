// Draws CityKPI's application icon (a city skyline of KPI bars on a blue tile) and writes it in the three
// formats the installers need: build/icons/icon.png (512 px), icon.ico (Windows) and icon.icns (macOS),
// the latter two carrying PNG images as both formats allow. Run once: node build/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('icons/', import.meta.url));
const BLUE = [0x1f, 0x5f, 0x99, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];
/** Bars of the skyline: left edge and height, in units of 1/16 of the tile. */
const BARS = [[3, 5], [5.5, 8], [8, 11], [10.5, 7]];

function pixel(x, y, size) {
  const u = (x / size) * 16;
  const v = (y / size) * 16;
  const radius = 3;
  const cornerX = Math.max(radius - u, u - (16 - radius), 0);
  const cornerY = Math.max(radius - v, v - (16 - radius), 0);
  if (cornerX * cornerX + cornerY * cornerY > radius * radius) return CLEAR;
  const inBar = BARS.some(([left, height]) => u >= left && u < left + 2 && v >= 13 - height && v < 13);
  return inBar || (v >= 13 && v < 13.6 && u >= 2.5 && u < 13.5) ? WHITE : BLUE;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size) {
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    rows.push(Buffer.from([0]));
    for (let x = 0; x < size; x += 1) rows.push(Buffer.from(pixel(x + 0.5, y + 0.5, size)));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

function ico(sizes) {
  const images = sizes.map(png);
  const header = Buffer.from([0, 0, 1, 0, sizes.length, 0]);
  let offset = 6 + 16 * sizes.length;
  const entries = images.map((image, index) => {
    const entry = Buffer.alloc(16);
    entry[0] = sizes[index] >= 256 ? 0 : sizes[index];
    entry[1] = sizes[index] >= 256 ? 0 : sizes[index];
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(image.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += image.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images]);
}

function icns(types) {
  const parts = types.map(([type, size]) => {
    const image = png(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(image.length + 8, 4);
    return Buffer.concat([head, image]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

writeFileSync(`${out}icon.png`, png(512));
writeFileSync(`${out}icon.ico`, ico([16, 32, 48, 256]));
writeFileSync(`${out}icon.icns`, icns([['ic07', 128], ['ic08', 256], ['ic09', 512]]));
console.log('icons written to build/icons/');
