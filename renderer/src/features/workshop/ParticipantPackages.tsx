import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { encodeBundle } from '../../../../core/bundle/index.ts';
import { getCatalogue, DEFAULT_CATALOGUE_ID } from '../../../../core/catalogue/index.ts';
import { participantPackage } from '../../../../core/workshop/package.ts';
import type { Participant, WorkshopState } from '../../../../core/workshop/state.ts';
import { getBridge } from '../../bridge/index.ts';
import { collectExport, getBundleSigner } from '../../data/index.ts';
import { describeError } from '../sync/describe-error.ts';
import { BUNDLE_EXTENSION, saveBytes } from '../sync/files.ts';

function fileStem(name: string): string {
  return name.normalize('NFKC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'participant';
}

/** Saves a signed bundle with only what this participant's own laptop needs. */
async function savePackage(assessmentId: string, participant: Participant, filterName: string): Promise<{ name: string; count: number } | null> {
  const snapshot = await collectExport({ sinceReceipt: false });
  const revisions = participantPackage(snapshot.revisions, getCatalogue(DEFAULT_CATALOGUE_ID)!, assessmentId, participant.id);
  const bridge = getBridge();
  const [device, info] = await Promise.all([getBundleSigner(bridge), bridge.appInfo()]);
  const bytes = await encodeBundle({ revisions, attestations: snapshot.attestations, device, encryption: { kind: 'none' }, since: null, appVersion: info.version });
  const name = await saveBytes(`workshop-${fileStem(participant.name)}.${BUNDLE_EXTENSION}`, bytes, { name: filterName, extensions: [BUNDLE_EXTENSION] });
  return name === null ? null : { name, count: revisions.length };
}

/** For participants with their own laptop: a package out; their bundle comes back through Exchange → Import. */
export function ParticipantPackages({ assessmentId, state }: { readonly assessmentId: string; readonly state: WorkshopState }) {
  const { t } = useTranslation(['workshop', 'sync']);
  const [message, setMessage] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const people = state.participants.filter((participant) => participant.role === 'participant');
  const save = async (participant: Participant) => {
    setMessage(null);
    try {
      const saved = await savePackage(assessmentId, participant, t('sync:fileFilter.bundle'));
      if (saved) setMessage({ ok: true, text: t('packages.saved', { name: participant.name, file: saved.name }) });
    } catch (error) {
      setMessage({ ok: false, text: describeError(error, t) });
    }
  };
  return (
    <section className="card stack" aria-labelledby="packages-title">
      <h2 id="packages-title">{t('packages.title')}</h2>
      <p className="muted">{t('packages.intro')}</p>
      <ul className="cluster">
        {people.map((participant) => (
          <li key={participant.id}>
            <Button className="button button-secondary" onPress={() => void save(participant)}>
              {t('packages.save', { name: participant.name })}
            </Button>
          </li>
        ))}
      </ul>
      {message ? (
        <p className={message.ok ? 'notice' : 'notice notice-danger'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
