/**
 * The four published score bands and their colours. The legend reads as in U4SSC City Snapshots:
 * "95 %+ of target / 66–95 % / 33–66 % / less than 33 %". Colours keep their order readable in
 * greyscale print and for red-green colour blindness (dark blue to orange), and every coloured mark has
 * a text equivalent beside it.
 */
export type Band = 1 | 2 | 3 | 4;

/** Best first, as the legend lists them. */
export const BANDS_BEST_FIRST: readonly Band[] = [4, 3, 2, 1];

export const BAND_COLOURS: Readonly<Record<Band, string>> = {
  4: '#1b4f8a',
  3: '#4f8fcf',
  2: '#f0b45a',
  1: '#c4551b',
};

/** Areas with nothing scored: no target, or nothing reported. */
export const UNSCORED_COLOUR = '#c9d1db';

export function bandColour(band: Band | null): string {
  return band === null ? UNSCORED_COLOUR : BAND_COLOURS[band];
}

/** Text drawn on a band's colour: white on the two dark blues, dark on the light ones. */
export function textOnBand(band: Band | null): string {
  return band === 4 || band === 3 ? '#ffffff' : '#1b2430';
}
