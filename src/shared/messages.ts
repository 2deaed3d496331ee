/** Every message between the extension's contexts, defined once and validated where it is received. */
import { z } from 'zod';
import { FEATURE_COUNT } from './song-features';

export const MOOD_NAMES = ['angry', 'happy', 'neutral', 'sad'] as const;
export const Mood = z.enum(MOOD_NAMES);
export type Mood = z.infer<typeof Mood>;

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export const Backend = z.enum(BACKENDS);
export type Backend = z.infer<typeof Backend>;

export const CheckErrorCode = z.enum([
  'no-face', // frames came, but no face in any of them
  'camera-denied', // permission not granted to the extension
  'camera-busy', // another program holds the camera (NotReadableError)
  'camera-absent', // no camera at all (NotFoundError)
  'model-failed', // no TF.js backend or model could start
  'timeout',
  'internal',
]);
export type CheckErrorCode = z.infer<typeof CheckErrorCode>;

export const CheckError = z.object({ code: CheckErrorCode, message: z.string() });
export type CheckError = z.infer<typeof CheckError>;

export const MoodResult = z.object({
  mood: Mood,
  probabilities: z.record(Mood, z.number()),
  /** largest number of faces seen in one frame; the largest face was used */
  faces: z.number().int(),
  framesUsed: z.number().int(),
  backend: Backend,
  /** the backend the settings asked for; differs from `backend` when that one is unavailable here */
  requestedBackend: z.enum(['auto', ...BACKENDS]),
  timings: z.object({
    totalMs: z.number(),
    cameraMs: z.number(),
    detectMsPerFrame: z.number(),
    classifyMsPerFrame: z.number(),
    /** true when this check also loaded the models (first check of an offscreen document) */
    coldStart: z.boolean(),
  }),
  /** identifies the offscreen document that answered, so reuse can be seen */
  documentId: z.string(),
  /** how the check was calibrated to the user's face: not at all, by their neutral face, by all four moods */
  calibrated: z.enum(['none', 'neutral', 'four-moods']),
  /** the face's light when few training faces were lit so (darker, brighter or flatter): the mood is less sure */
  light: z.enum(['dark', 'bright', 'flat']).optional(),
  /** the frames' mean penultimate features, only for a calibration capture */
  feature: z.array(z.number()).optional(),
  at: z.number(),
});
export type MoodResult = z.infer<typeof MoodResult>;

export const CheckOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: MoodResult }),
  z.object({ ok: z.literal(false), error: CheckError }),
]);
export type CheckOutcome = z.infer<typeof CheckOutcome>;

export const TrackId = z.string().regex(/^[A-Za-z0-9]{22}$/);

/** What the user said of a song (like, not for me, not for this mood) or what the Spotify tab showed of a song
 * mood-dj queued (skipped early, played through). */
export const Feedback = z.enum(['like', 'ban', 'not-for-mood', 'skip', 'played']);
export type Feedback = z.infer<typeof Feedback>;
/** what the user said with a button (one per song and mood), and what the Spotify tab showed */
export const Opinion = Feedback.extract(['like', 'ban', 'not-for-mood']);
export type Opinion = z.infer<typeof Opinion>;
export const Playback = Feedback.extract(['skip', 'played']);
export type Playback = z.infer<typeof Playback>;
/** The worker's answer to feedback and its undo. */
export const FeedbackSaved = z.object({ ok: z.boolean(), error: z.string().optional() });
export type FeedbackSaved = z.infer<typeof FeedbackSaved>;

/** A song to queue: its name and artist, where the catalogue has them, let the page be checked against it. */
export const QueueSong = z.object({ id: TrackId, name: z.string().max(300).optional(), artist: z.string().max(300).optional() });
export type QueueSong = z.infer<typeof QueueSong>;

/** Sent to the service worker by the popup, options page and tests. */
export const ToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('check-mood') }),
  z.object({ type: z.literal('pick-songs'), mood: Mood }),
  z.object({ type: z.literal('queue-songs'), songs: z.array(QueueSong).min(1).max(20) }),
  z.object({ type: z.literal('spotify-health') }),
  /** capture the user's face showing this mood for calibration (the camera runs as for a check) */
  z.object({ type: z.literal('calibrate'), mood: Mood }),
  z.object({ type: z.literal('reset-calibration') }),
  /** the user's button on a song offered for a mood, and its undo */
  z.object({ type: z.literal('song-feedback'), id: TrackId, mood: Mood, feedback: Opinion }),
  z.object({ type: z.literal('undo-feedback'), id: TrackId, mood: Mood }),
  /** from the content script: a song mood-dj queued was skipped early or played through */
  z.object({ type: z.literal('playback-feedback'), id: TrackId, feedback: Playback }),
]);

/** Sent by the service worker to the content script in a Spotify Web Player tab. */
export const ToContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('queue-tracks'), songs: z.array(QueueSong).min(1).max(20), playIfIdle: z.boolean() }),
  z.object({ type: z.literal('health-check'), probe: QueueSong }),
]);
export type ToContent = z.infer<typeof ToContent>;

/** What the page confirmed for one song: played (the player shows it playing), queued (it appeared in Spotify's
 * queue, or Spotify's "added to queue" notice followed this click with no hand of the user's in between),
 * not-confirmed (no answer the driver could read), refused (Spotify said no, an upsell say), failed (the page
 * did not have what the driver needs), stopped (the user used the Spotify tab, so the driver let go). Every
 * status but played and queued has a reason. */
export const SongQueueStatus = z.enum(['played', 'queued', 'not-confirmed', 'refused', 'failed', 'stopped']);
export type SongQueueStatus = z.infer<typeof SongQueueStatus>;
export const SongQueueResult = z.object({
  id: TrackId,
  status: SongQueueStatus,
  reason: z.string().optional(),
  /** the signal that decided the status: "the queue view", "the player's link", … */
  by: z.string().optional(),
  /** the title and artist the track's page showed, for a song sent without a name (imported songs have none) */
  name: z.string().max(300).optional(),
  artist: z.string().max(300).optional(),
});
export type SongQueueResult = z.infer<typeof SongQueueResult>;

const SpotifyErrorCode = z.enum(['no-tab', 'page-changed', 'not-ready', 'internal']);

export const QueueOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), songs: z.array(SongQueueResult) }),
  z.object({ ok: z.literal(false), code: SpotifyErrorCode, message: z.string() }),
]);
export type QueueOutcome = z.infer<typeof QueueOutcome>;

/** One thing "Test my Spotify tab" looked for on the live page: ok when queueing can rely on it (through its
 * first signal, or through `fellBackFrom`'s replacement), with the signal found in `detail`. */
export const HealthItem = z.object({ label: z.string(), ok: z.boolean(), detail: z.string().optional(), fellBackFrom: z.string().optional() });
export type HealthItem = z.infer<typeof HealthItem>;
export const HealthOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), health: z.array(HealthItem) }),
  z.object({ ok: z.literal(false), code: SpotifyErrorCode, message: z.string() }),
]);
export type HealthOutcome = z.infer<typeof HealthOutcome>;
/** What auto mode did at its last scheduled check (browser.storage.local 'lastAutoQueue'; the popup shows it). */
export type LastAutoQueue = (QueueOutcome | { skipped: string }) & { at: number; /** the smoothed mood songs were queued for */ mood?: Mood };

export const SongSchema = z.object({
  id: TrackId,
  name: z.string().optional(),
  artist: z.string().optional(),
  label: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  features: z.array(z.number()).length(FEATURE_COUNT),
});

export const SongsOutcome = z.discriminatedUnion('ok', [
  /** tasteEvents: how many pieces of the user's feedback shaped the pick (0: at random within the label) */
  z.object({ ok: z.literal(true), songs: z.array(SongSchema), label: z.number().int(), pickMs: z.number(), tasteEvents: z.number().int() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type SongsOutcome = z.infer<typeof SongsOutcome>;
export type ToBackground = z.infer<typeof ToBackground>;

/** Sent by the offscreen document to the extension's pages after each frame of a check, so that the popup can
 * show the first reading at once and refine it (the final answer is the check's own). */
export const CheckProgress = z.object({
  target: z.literal('pages'),
  type: z.literal('check-progress'),
  framesDone: z.number().int(),
  frames: z.number().int(),
  /** probabilities averaged over the frames with a face so far */
  probabilities: z.record(Mood, z.number()),
  mood: Mood,
});
export type CheckProgress = z.infer<typeof CheckProgress>;

/** Sent by the service worker to the offscreen document. */
export const ToOffscreen = z.discriminatedUnion('type', [
  z.object({
    target: z.literal('offscreen'),
    type: z.literal('run-check'),
    frames: z.number().int().min(1).max(30),
    backend: z.enum(['auto', ...BACKENDS]),
    /** the user's calibration faces as features, by mood */
    calibration: z.partialRecord(Mood, z.array(z.number())).optional(),
    /** also answer with the frames' mean features (a calibration capture) */
    withFeature: z.boolean().optional(),
  }),
  z.object({ target: z.literal('offscreen'), type: z.literal('diagnostics') }),
]);
export type ToOffscreen = z.infer<typeof ToOffscreen>;

export const Diagnostics = z.object({
  documentId: z.string(),
  liveTracks: z.number().int(),
  numTensors: z.number().int(),
  /** JS heap in use (Chromium's performance.memory), after a garbage collection when the browser allows one */
  jsHeapBytes: z.number(),
  backend: z.string().nullable(),
  /** the face box used last, in frame pixels: lets tools check the crop against the training faces' framing */
  lastFace: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number(), frameWidth: z.number(), frameHeight: z.number() }).nullable(),
});
export type Diagnostics = z.infer<typeof Diagnostics>;
