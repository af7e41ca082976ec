import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passphraseScore, type StrengthScore } from './estimate.ts';

/** How hard a passphrase would be to guess, shown as a meter with its level in words (read out politely). */
export function PassphraseStrength({ passphrase }: { readonly passphrase: string }) {
  const { t } = useTranslation('strength');
  const [scored, setScored] = useState<{ readonly passphrase: string; readonly score: StrengthScore } | null>(null);
  useEffect(() => {
    let current = true;
    void passphraseScore(passphrase).then((score) => {
      if (current) setScored({ passphrase, score });
    });
    return () => {
      current = false;
    };
  }, [passphrase]);
  const score = scored?.passphrase === passphrase ? scored.score : null;
  const level = score === null ? t('checking') : t(`levels.${score}`);
  return (
    <div className="cluster">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={score ?? 0} aria-label={t('label')} aria-valuetext={level} />
      <span aria-live="polite" data-score={score ?? undefined}>
        {t('label')}: {level}
      </span>
    </div>
  );
}
