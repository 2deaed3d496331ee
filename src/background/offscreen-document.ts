/** The one offscreen document: created on demand, reused while it lives, never created twice at once.
 * chrome.offscreen and chrome.runtime.getContexts are Chrome's own, outside webextension-polyfill. */
import browser from 'webextension-polyfill';

const PATH = 'src/offscreen/index.html';
let creating: Promise<void> | undefined;

async function exists(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [browser.runtime.getURL(PATH)] });
  return contexts.length > 0;
}

export async function ensureOffscreenDocument(): Promise<void> {
  if (await exists()) return;
  // Two callers at once (popup and alarm) share one creation.
  creating ??= chrome.offscreen
    .createDocument({ url: PATH, reasons: [chrome.offscreen.Reason.USER_MEDIA], justification: 'Reads the webcam to recognise your facial expression on this device.' })
    .finally(() => (creating = undefined));
  await creating;
}
