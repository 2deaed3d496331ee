import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

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
      <h2>{t('cameraHeading')}</h2>
      <p class="privacy">{t('privacy')}</p>
      <p data-testid="camera-status" data-status={status}>
        {status === 'granted' && <span class="ok">{t('cameraAllowed')}</span>}
        {status === 'prompt' && t('cameraNotYet')}
        {status === 'unknown' && t('cameraUnknown')}
        {status === 'denied' && (
          <span class="error">{t('cameraBlocked')}</span>
        )}
        {status === 'error' && <span class="error">{t('cameraError', detail)}</span>}
      </p>
      {status !== 'granted' && (
        <button class="primary" data-testid="grant-camera" onClick={grant}>
          {t('allowCamera')}
        </button>
      )}
    </section>
  );
}
