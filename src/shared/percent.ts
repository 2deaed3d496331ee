/** A probability as people read it: never "100%" (no reading of a face is certain), and "<1%" rather than a
 * flat "0%". */
export function percent(p: number): string {
  return p < 0.005 ? '<1%' : `${Math.min(99, Math.round(p * 100))}%`;
}
