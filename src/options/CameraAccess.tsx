import { useEffect, useState } from 'preact/hooks';

type Status = 'unknown' | 'granted' | 'denied' | 'prompt' | 'error';

/** The camera is granted here, on a visible page: the offscreen document that uses it cannot ask. */
export function CameraAccess() {
  const [status, setStatus] = useState<Status>('unknown');
  const [detail, setDetail] = useState('');

  useEffect(() => {
    navigator.permissions
      .query({ name: 'camera' as PermissionName })
      .then((p) => {
        setStatus(p.state);
        p.onchange = () => setStatus(p.state);
      })
      .catch(() => setStatus('unknown'));
  }, []);

  const grant = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      stream.getTracks().forEach((t) => t.stop());
      setStatus('granted');
      setDetail('');
    } catch (e) {
      setStatus(e instanceof DOMException && e.name === 'NotAllowedError' ? 'denied' : 'error');
      setDetail(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section>
      <h2>Camera</h2>
      <p class="privacy">
        Privacy: mood-dj looks at you only during a mood check (about one second), recognises your expression on this computer, and turns the
        camera off again. No picture, face or mood ever leaves your computer; the extension makes no network requests of its own and has no
        analytics.
      </p>
      <p data-testid="camera-status" data-status={status}>
        {status === 'granted' && <span class="ok">The camera is allowed.</span>}
        {status === 'prompt' && 'The camera is not allowed yet.'}
        {status === 'unknown' && 'Camera permission unknown.'}
        {status === 'denied' && (
          <span class="error">The camera is blocked for mood-dj. Allow it in Chrome's site settings for this extension, then reload this page.</span>
        )}
        {status === 'error' && <span class="error">The camera could not start: {detail}</span>}
      </p>
      {status !== 'granted' && (
        <button class="primary" data-testid="grant-camera" onClick={grant}>
          Allow the camera
        </button>
      )}
    </section>
  );
}
