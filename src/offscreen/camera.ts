/** The webcam, on only for the length of one check. Errors become the check's own error codes. */
import type { CheckError } from '../shared/messages';

/** A failure the check reports under its own code (camera, model), with the next step for the user. */
export class CheckFailure extends Error {
  constructor(readonly detail: CheckError) {
    super(detail.message);
  }
}

const live = new Set<MediaStreamTrack>();

export function liveTracks(): number {
  return [...live].filter((t) => t.readyState === 'live').length;
}

/** What a getUserMedia failure means to the user; each cause its own code and next step. */
export function explainCameraError(e: unknown): CheckError {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return { code: 'camera-denied', message: 'mood-dj may not use the camera yet. Allow it once on the options page.' };
  if (name === 'NotReadableError' || name === 'AbortError')
    return { code: 'camera-busy', message: 'The camera is in use by another program. Close it and try again.' };
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return { code: 'camera-absent', message: 'No camera was found. Connect one and try again.' };
  return { code: 'internal', message: `The camera could not start: ${e instanceof Error ? e.message : String(e)}` };
}

/** Opens the camera, hands frames to `use` through a video element, and always stops the camera after. */
export async function withCamera<T>(use: (video: HTMLVideoElement) => Promise<T>): Promise<T> {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  } catch (e) {
    throw new CheckFailure(explainCameraError(e));
  }
  stream.getTracks().forEach((t) => live.add(t));
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
    // requestAnimationFrame and requestVideoFrameCallback never fire in an offscreen document: poll.
    const deadline = performance.now() + 5000;
    while (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) {
      if (performance.now() > deadline) throw new CheckFailure({ code: 'camera-busy', message: 'The camera sent no picture within 5 s. Is another program using it?' });
      await new Promise((r) => setTimeout(r, 20));
    }
    return await use(video);
  } finally {
    stream.getTracks().forEach((t) => {
      t.stop();
      live.delete(t);
    });
    video.srcObject = null;
  }
}
