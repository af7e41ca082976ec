import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FieldState } from '../../../../core/revisions/derive.ts';
import { formatLocaleNumber } from '../../../../core/numbers/format.ts';
import { getBridge } from '../../bridge/index.ts';
import {
  DataError,
  EVIDENCE_EXTENSIONS,
  MAX_ATTACHMENT_BYTES,
  MAX_EVIDENCE_PER_POINT,
  checkAttachment,
  cleanFileName,
  evidenceValue,
  fileNameForSaving,
  parseEvidence,
  readAttachment,
  storeAttachment,
  type EvidenceRef,
} from '../../data/index.ts';
import { useStoredAttachments } from '../../data/hooks.ts';
import type { FieldValue } from '../../data/types.ts';
import './evidence-list.css';

export interface EvidenceListProps {
  /** The point's `evidence` field. */
  readonly field: FieldState | undefined;
  /** What the files are evidence for (the data point or KPI name), for accessible labels. */
  readonly target: string;
  /** Writes the new `evidence` value; resolves to whether it was stored. */
  readonly onChange: (value: FieldValue) => Promise<boolean>;
}

type Message = { readonly kind: 'error' | 'info'; readonly text: string };

const KIB = 1024;
const MIB = 1024 * 1024;

/** Sizes in the user's locale and script; binary steps, as file managers show them. */
export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] = bytes >= MIB ? [bytes / MIB, 'megabyte'] : bytes >= KIB ? [bytes / KIB, 'kilobyte'] : [bytes, 'byte'];
  // Short byte units are not plural in every language ("25 byte"); the long form is ("25 bytes", "25 octets").
  const unitDisplay = unit === 'byte' ? 'long' : 'short';
  return formatLocaleNumber(value, locale, { style: 'unit', unit, unitDisplay, maximumFractionDigits: 1 });
}

/**
 * While two laptops' lists are in conflict, every file either of them attached is shown, and attaching or
 * removing writes that union edited, which also resolves the conflict: no file silently disappears.
 */
function shownEvidence(field: FieldState | undefined): EvidenceRef[] {
  if (!field) return [];
  const values = field.conflict ? field.candidates.map((candidate) => candidate.value) : [field.current.value];
  return parseEvidence(evidenceValue(values.flatMap((value) => parseEvidence(value))));
}

function problemText(problem: ReturnType<typeof checkAttachment>, name: string, t: TFunction, locale: string): string {
  switch (problem) {
    case 'tooLarge':
      return t('entry:evidence.problem.tooLarge', { max: formatFileSize(MAX_ATTACHMENT_BYTES, locale) });
    case 'empty':
      return t('entry:evidence.problem.empty', { name });
    case 'tooMany':
      return t('entry:evidence.problem.tooMany', { max: formatLocaleNumber(MAX_EVIDENCE_PER_POINT, locale) });
    default:
      return t('entry:evidence.problem.typeNotAllowed', { name });
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The files attached to one data point: open a copy, remove, or attach another (through the Bridge only). */
export function EvidenceList({ field, target, onChange }: EvidenceListProps) {
  const { t, i18n } = useTranslation('entry');
  const locale = i18n.language;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const refs = shownEvidence(field);
  const stored = useStoredAttachments(refs.map((ref) => ref.sha256));

  const run = async (action: () => Promise<Message | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await action());
    } catch (error) {
      setMessage({ kind: 'error', text: t(error instanceof DataError && error.code === 'E_DISK_FULL' ? 'entry:evidence.storageFull' : 'entry:evidence.attachFailed') });
    } finally {
      setBusy(false);
    }
  };

  const attach = () =>
    run(async () => {
      const result = await getBridge().openFile({
        filters: [{ name: t('entry:evidence.fileFilter'), extensions: EVIDENCE_EXTENSIONS }],
        maxBytes: MAX_ATTACHMENT_BYTES,
      });
      if (!result.ok) {
        if (result.code === 'E_CANCELLED') return null;
        return { kind: 'error', text: result.code === 'E_TOO_LARGE' ? problemText('tooLarge', '', t, locale) : t('entry:evidence.readFailed') };
      }
      if (!result.value) return null;
      const name = cleanFileName(result.value.name);
      const problem = checkAttachment(name, result.value.bytes, refs.length);
      if (problem) return { kind: 'error', text: problemText(problem, name || result.value.name, t, locale) };
      const ref = await storeAttachment(result.value);
      if (refs.some((existing) => existing.sha256 === ref.sha256)) return { kind: 'info', text: t('entry:evidence.alreadyAttached', { name }) };
      const saved = await onChange(evidenceValue([...refs, ref]));
      return saved ? null : { kind: 'error', text: t('entry:evidence.attachFailed') };
    });

  const remove = (ref: EvidenceRef) =>
    run(async () => {
      const saved = await onChange(evidenceValue(refs.filter((other) => other.sha256 !== ref.sha256)));
      return saved ? null : { kind: 'error', text: t('entry:evidence.removeFailed', { name: ref.name }) };
    });

  const saveCopy = (ref: EvidenceRef) =>
    run(async () => {
      const bytes = await readAttachment(ref.sha256);
      const extension = extensionOf(ref.name);
      const result = await getBridge().saveFile({
        suggestedName: fileNameForSaving(ref.name),
        bytes,
        filters: [{ name: t('entry:evidence.fileFilter'), extensions: extension === '' ? EVIDENCE_EXTENSIONS : [extension] }],
      });
      if (!result.ok) return result.code === 'E_CANCELLED' ? null : { kind: 'error', text: t('entry:evidence.saveFailed', { name: ref.name }) };
      return result.value ? { kind: 'info', text: t('entry:evidence.savedCopy', { name: result.value.name }) } : null;
    });

  return (
    <fieldset className="evidence stack-tight">
      <legend className="field-label">{t('entry:evidence.heading')}</legend>
      {refs.length === 0 ? (
        <p className="muted">{t('entry:evidence.none')}</p>
      ) : (
        <ul className="evidence__list" aria-label={t('entry:evidence.listLabel', { target })}>
          {refs.map((ref) => {
            const received = stored?.has(ref.sha256) ?? true;
            return (
              <li key={ref.sha256} className="evidence__item">
                <span className="evidence__name" dir="auto">
                  {ref.name}
                </span>
                <span className="evidence__size numeric">{formatFileSize(ref.size, locale)}</span>
                {received ? (
                  <Button
                    className="button button-secondary button-small"
                    aria-label={t('entry:evidence.saveCopyLabel', { name: ref.name })}
                    isDisabled={busy || stored === undefined}
                    onPress={() => saveCopy(ref)}
                  >
                    {t('entry:evidence.saveCopy')}
                  </Button>
                ) : (
                  <span className="badge badge-warning">{t('entry:evidence.notReceived')}</span>
                )}
                <Button
                  className="button button-quiet button-small"
                  aria-label={t('entry:evidence.removeLabel', { name: ref.name })}
                  isDisabled={busy}
                  onPress={() => remove(ref)}
                >
                  {t('entry:evidence.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="evidence__actions cluster">
        <Button
          className="button button-secondary button-small"
          aria-label={t('entry:evidence.attachLabel', { target })}
          isDisabled={busy}
          onPress={attach}
        >
          {t('entry:evidence.attach')}
        </Button>
        <span className="field-description">
          {t('entry:evidence.hint', { max: formatFileSize(MAX_ATTACHMENT_BYTES, locale) })}
        </span>
      </div>
      {message ? (
        <p className={message.kind === 'error' ? 'field-error' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </fieldset>
  );
}
