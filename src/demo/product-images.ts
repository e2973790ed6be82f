import sharp from 'sharp';

const SIZE = 480;
const SHAPES = [
  // a circle, a rounded box, a triangle and a hexagon: one per product of a range, so a catalog is told apart
  (c: string) => `<circle cx="240" cy="248" r="128" fill="${c}"/>`,
  (c: string) => `<rect x="128" y="128" width="224" height="240" rx="36" fill="${c}"/>`,
  (c: string) => `<polygon points="240,105 382,360 98,360" fill="${c}"/>`,
  (c: string) => `<polygon points="240,105 357,172 357,308 240,375 123,308 123,172" fill="${c}"/>`,
];

/**
 * A product picture drawn for the demo world (no third-party images, so no license to track): the brand's hue as
 * a soft gradient and a shape per product, as a PNG that the media module then checks and turns into variants
 * like any upload. Drawn, not photographed, so it is obviously a stand-in.
 */
export function productPicture(hue: number, index: number): Promise<Buffer> {
  const shape = SHAPES[index % SHAPES.length]!;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue},45%,92%)"/><stop offset="1" stop-color="hsl(${hue},40%,78%)"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  <ellipse cx="240" cy="405" rx="150" ry="18" fill="hsl(${hue},30%,60%)" opacity="0.35"/>
  ${shape(`hsl(${(hue + index * 40) % 360},55%,45%)`)}
</svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
}
