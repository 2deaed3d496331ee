import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

/** The keyboard shortcut that opens the popup (and so checks the mood), as Chrome has it now: the user may
 * have changed or cleared it, or another extension may hold the suggested key. */
export function Shortcut() {
  const [key, setKey] = useState<string | undefined>();
  useEffect(() => void browser.commands.getAll().then((all) => setKey(all.find((c) => c.name === '_execute_action')?.shortcut ?? '')), []);
  if (key === undefined) return null;
  return (
    <section>
      <h2>{t('shortcutHeading')}</h2>
      <p data-testid="shortcut">
        {key ? (
          t('shortcutPress', key)
        ) : (
          t('shortcutNone')
        )}{' '}
        <button onClick={() => browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>{t('changeIt')}</button>
      </p>
    </section>
  );
}
