import { AdvancedFacts } from './AdvancedFacts.tsx';
import { useTranslation } from 'react-i18next';
import { makersOf, shownOriginOf, type ImportPreview, type OpenedBundle } from '../../data/index.ts';
import { formatDateTime, isolate, useFormatNumber, useLanguage } from '../../i18n/index.ts';
import { describeField, formatCandidate } from './describe-record.ts';
import { RefusedList } from '../workshop/RefusedList.tsx';
import { RevisionOrigin } from '../../ui/revision-origin/RevisionOrigin.tsx';

/** Shown at most; the count says how many more there are. */
const CONFLICTS_SHOWN = 20;

/** The bundle namespace calls a signed but unencrypted file `open`. */
function envelopeKey(kind: OpenedBundle['decoded']['envelope']['kind']): 'open' | 'passphrase' | 'recipients' {
  return kind === 'none' ? 'open' : kind;
}

/** The current values the import would overwrite: edits that build on ours replace them without a conflict. */
function ReplacedValues({ opened, preview }: { readonly opened: OpenedBundle; readonly preview: ImportPreview }) {
  const { t } = useTranslation(['sync', 'records', 'entry', 'city', 'catalogue']);
  const format = useFormatNumber();
  const { replacedValues } = preview;
  if (replacedValues.length === 0) return null;
  return (
    <section className="stack-tight" aria-labelledby="preview-replaced-title">
      <h3 id="preview-replaced-title">{t('records:preview.replacedTitle')}</h3>
      <p className="muted">{t('records:preview.replacedIntro')}</p>
      <ul className="stack-tight">
        {replacedValues.slice(0, CONFLICTS_SHOWN).map(({ recordId, field, before, after }) => (
          <li key={`${recordId}/${field}`}>
            <strong>{describeField(recordId, field, t)}</strong>
            {': '}
            {t('records:preview.replacedItem', {
              before: isolate(formatCandidate(before.value, t, format)),
              after: isolate(formatCandidate(after.value, t, format)),
              author: isolate(after.author || t('sync:device.unnamed')),
            })}
            <MadeBy opened={opened} revisionId={after.revisionId} />
          </li>
        ))}
      </ul>
      {replacedValues.length > CONFLICTS_SHOWN ? <p className="muted">{t('sync:preview.moreConflicts', { count: replacedValues.length - CONFLICTS_SHOWN })}</p> : null}
    </section>
  );
}

/** Who made the bundle's revisions, proven by key (the signer's, an attestation's, or none for the demo). */
function Makers({ opened }: { readonly opened: OpenedBundle }) {
  const { t } = useTranslation('provenance');
  const makers = makersOf(opened.decoded.origins);
  if (makers.length === 0) return null;
  return (
    <section className="stack-tight" aria-labelledby="preview-makers-title">
      <h3 id="preview-makers-title">{t('preview.heading')}</h3>
      <p className="muted">{t('preview.intro')}</p>
      <ul className="stack-tight preview-makers">
        {makers.map(({ origin, count }) => (
          <li key={origin.kind === 'key' ? origin.fingerprint : origin.kind}>
            <RevisionOrigin origin={origin} /> · {t('preview.edits', { count })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The proven maker of one of the bundle's revisions, or nothing for a revision stored here already. */
function MadeBy({ opened, revisionId }: { readonly opened: OpenedBundle; readonly revisionId: string }) {
  const origin = opened.decoded.origins.get(revisionId);
  return origin ? (
    <>
      {' '}
      <RevisionOrigin origin={shownOriginOf(origin)} />
    </>
  ) : null;
}

/** What importing this file would do, before anything is written. */
export function ImportPreviewView({ opened, preview }: { readonly opened: OpenedBundle; readonly preview: ImportPreview }) {
  const { t } = useTranslation(['sync', 'bundle', 'entry', 'city', 'catalogue', 'records']);
  const language = useLanguage();
  const format = useFormatNumber();
  const cities = preview.cities.map((city) => city.name || city.cityId);
  return (
    <div className="stack">
      <RefusedList refused={preview.refused} />
      <dl className="facts">
        <dt>{t('sync:preview.device')}</dt>
        <dd>
          <bdi>{preview.device.name || t('sync:device.unnamed')}</bdi>
        </dd>
        <dt>{t('sync:preview.fingerprint')}</dt>
        <dd>
          <span className={preview.signerKnown ? 'badge badge-success' : 'badge badge-warning'}>
            {t(preview.signerKnown ? 'bundle:signer.trusted' : 'bundle:signer.unknown', { fingerprint: isolate(preview.device.fingerprint) })}
          </span>
        </dd>
        <dt>{t('sync:preview.created')}</dt>
        <dd>{formatDateTime(preview.createdAt, language)}</dd>
        <dt>{t('sync:preview.protection')}</dt>
        <dd>{t(`bundle:envelope.${envelopeKey(opened.decoded.envelope.kind)}`)}</dd>
        <dt>{t('sync:preview.cities')}</dt>
        <dd>
          {cities.length === 0
            ? t('sync:preview.noCities')
            : cities.map((name, index) => (
                <span key={preview.cities[index]?.cityId ?? name}>
                  {index > 0 ? ', ' : ''}
                  <bdi>{name}</bdi>
                </span>
              ))}
        </dd>
        <dt>{t('sync:preview.revisions')}</dt>
        <dd>{t('sync:preview.revisionCounts', { count: preview.revisionCount, newCount: format(preview.newRevisionCount), total: format(preview.revisionCount) })}</dd>
        <dt>{t('sync:preview.evidence')}</dt>
        <dd>{t('sync:preview.evidenceCount', { count: preview.attachmentCount, formatted: format(preview.attachmentCount) })}</dd>
        <dt>{t('sync:preview.conflicts')}</dt>
        <dd>{t('sync:preview.conflictCount', { count: preview.newConflicts.length })}</dd>
        <dt>{t('records:preview.replaced')}</dt>
        <dd>{t('records:preview.replacedCount', { count: preview.replacedValues.length, formatted: format(preview.replacedValues.length) })}</dd>
      </dl>
      <AdvancedFacts deviceId={preview.device.id} />
      <Makers opened={opened} />
      <ReplacedValues opened={opened} preview={preview} />
      {preview.newConflicts.length > 0 ? (
        <section className="stack-tight" aria-labelledby="preview-conflicts-title">
          <h3 id="preview-conflicts-title">{t('sync:preview.conflictsTitle')}</h3>
          <p className="muted">{t('sync:preview.conflictsIntro')}</p>
          <ul className="stack-tight">
            {preview.newConflicts.slice(0, CONFLICTS_SHOWN).map((conflict) => (
              <li key={`${conflict.recordId}/${conflict.field}`}>
                <strong>{describeField(conflict.recordId, conflict.field, t)}</strong>
                {': '}
                {conflict.candidates.map((candidate, index) => (
                  <span key={candidate.revisionId}>
                    {index > 0 ? ' / ' : ''}
                    <bdi>{formatCandidate(candidate.value, t, format)}</bdi> (<bdi>{candidate.author || t('sync:device.unnamed')}</bdi>
                    <MadeBy opened={opened} revisionId={candidate.revisionId} />)
                  </span>
                ))}
              </li>
            ))}
          </ul>
          {preview.newConflicts.length > CONFLICTS_SHOWN ? (
            <p className="muted">{t('sync:preview.moreConflicts', { count: preview.newConflicts.length - CONFLICTS_SHOWN })}</p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
