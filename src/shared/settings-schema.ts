/** The user settings' schema and defaults, apart from their storage so that Node scripts (npm run eval, the
 * bench) can read the defaults without an extension API. */
import { z } from 'zod';
import { BACKENDS } from './messages';

export const Settings = z.object({
  /** TF.js backend: 'auto' tries webgpu, webgl, wasm, cpu in that order */
  backend: z.enum(['auto', ...BACKENDS]).default('auto'),
  /** minutes between checks in auto mode; browser.alarms allows 30 s at least */
  intervalMinutes: z.number().min(0.5).max(240).default(5),
  autoMode: z.boolean().default(false),
  songsPerCheck: z.number().int().min(1).max(20).default(3),
  /** match: music of your mood; lift: music towards a better one */
  mapping: z.enum(['match', 'lift']).default('match'),
  /** prefer songs whose valence and energy sit near the mood's centre */
  preferCentre: z.boolean().default(false),
  /** learn from the user's likes, bans, skips and plays which songs each mood gets */
  learnTaste: z.boolean().default(true),
  /** frames averaged per check (about 5 over one second) */
  framesPerCheck: z.number().int().min(1).max(15).default(5),
});
export type Settings = z.infer<typeof Settings>;
