/** MediaPipe BlazeFace (short range) through @mediapipe/tasks-vision, all files from inside the extension. */
import browser from 'webextension-polyfill';
import { FaceDetector, FilesetResolver } from '@mediapipe/tasks-vision';
import type { Box } from '../model/face-crop';

export interface DetectedFace {
  box: Box;
  score: number;
}

export interface FaceFinder {
  detect(frame: HTMLCanvasElement | OffscreenCanvas | ImageBitmap): DetectedFace[];
  dispose(): void;
}

export async function loadFaceFinder(): Promise<FaceFinder> {
  const fileset = await FilesetResolver.forVisionTasks(browser.runtime.getURL('wasm/mediapipe'));
  const detector = await FaceDetector.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: browser.runtime.getURL('models/face/blaze_face_short_range.tflite'), delegate: 'CPU' },
    runningMode: 'IMAGE',
    minDetectionConfidence: 0.5,
  });
  return {
    detect(frame) {
      return detector.detect(frame).detections.flatMap((d) =>
        d.boundingBox
          ? [{ box: { x: d.boundingBox.originX, y: d.boundingBox.originY, width: d.boundingBox.width, height: d.boundingBox.height }, score: d.categories[0]?.score ?? 0 }]
          : [],
      );
    },
    dispose() {
      detector.close();
    },
  };
}
