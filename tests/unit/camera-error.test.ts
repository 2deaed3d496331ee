/** getUserMedia's failures, as Chromium names them, each become their own message. The end-to-end tests
 * cover denied and absent through a real Chromium; "busy" (NotReadableError) needs a camera that another
 * program holds, which Chromium's fake camera cannot be made into, so its mapping is checked here. */
import { describe, expect, it } from 'vitest';
import { explainCameraError } from '../../src/offscreen/camera';

describe('explainCameraError', () => {
  it.each([
    ['NotAllowedError', 'camera-denied', /Allow it once on the options page/],
    ['NotReadableError', 'camera-busy', /in use by another program/],
    ['NotFoundError', 'camera-absent', /No camera was found/],
  ])('%s -> %s', (name, code, message) => {
    const detail = explainCameraError(new DOMException('Could not start video source', name));
    expect(detail.code).toBe(code);
    expect(detail.message).toMatch(message);
  });

  it('gives the three causes three different messages, and anything else the browser text', () => {
    const messages = ['NotAllowedError', 'NotReadableError', 'NotFoundError'].map((n) => explainCameraError(new DOMException('x', n)).message);
    expect(new Set(messages).size).toBe(3);
    expect(explainCameraError(new TypeError('strange')).message).toMatch(/could not start: strange/);
  });
});
