import { useEffect, useState, type FormEvent } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../../core/workshop/state.ts';
import { hasPin, switchParticipant } from '../../data/index.ts';
import { useWorkshop } from '../../data/hooks.ts';
import { TextInput } from './TextInput.tsx';

function PinDialog({ assessmentId, participant, onClose }: { readonly assessmentId: string; readonly participant: Participant; readonly onClose: () => void }) {
  const { t } = useTranslation('workshop');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void hasPin(assessmentId, participant.id).then((known) => setCreating(!known));
  }, [assessmentId, participant.id]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await switchParticipant(assessmentId, participant.id, pin).catch(() => 'failed' as const);
    setBusy(false);
    if (result === 'switched') onClose();
    else setProblem(result);
  };
  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => (open ? null : onClose())}>
      <Modal className="modal">
        <Dialog className="dialog">
          <form className="stack" onSubmit={submit}>
            <Heading slot="title">{t('switch.pinTitle', { name: participant.name })}</Heading>
            <p>{creating ? t('switch.pinCreate') : t('switch.pinAsk')}</p>
            <TextInput
              label={t('switch.pin')}
              value={pin}
              onChange={setPin}
              type="password"
              inputMode="numeric"
              autoComplete={creating ? 'new-password' : 'current-password'}
              autoFocus
              error={problem ? t(`switch.problems.${problem}`) : undefined}
            />
            <div className="dialog-actions">
              <Button className="button button-secondary" onPress={onClose}>
                {t('switch.cancel')}
              </Button>
              <Button type="submit" className="button" isDisabled={busy}>
                {t('switch.confirm')}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** "Who is at the keyboard": one click per participant; the facilitator and the verifier also type their PIN. */
export function ParticipantSwitcher({ assessmentId }: { readonly assessmentId: string }) {
  const { t } = useTranslation('workshop');
  const view = useWorkshop(assessmentId);
  const [asking, setAsking] = useState<Participant | null>(null);
  if (!view || view.state.workshops.length === 0) return null;
  const choose = async (participant: Participant) => {
    if (participant.role === 'participant') await switchParticipant(assessmentId, participant.id);
    else setAsking(participant);
  };
  return (
    <section className="card stack-tight" aria-labelledby="switcher-title">
      <h2 id="switcher-title">{t('switch.title')}</h2>
      <output className="switcher__current">
        {view.active ? t('switch.current', { name: view.active.name, role: t(`roles.${view.active.role}`) }) : t('switch.nobody')}
      </output>
      <ul className="cluster switcher" aria-label={t('switch.choose')}>
        {view.state.participants.map((participant) => (
          <li key={participant.id}>
            <Button
              className={participant.id === view.active?.id ? 'button' : 'button button-secondary'}
              aria-pressed={participant.id === view.active?.id}
              onPress={() => void choose(participant)}
            >
              <bdi>{participant.name}</bdi>
              <span className="switcher__role"> · {t(`roles.${participant.role}`)}</span>
            </Button>
          </li>
        ))}
      </ul>
      {asking ? <PinDialog assessmentId={assessmentId} participant={asking} onClose={() => setAsking(null)} /> : null}
    </section>
  );
}
