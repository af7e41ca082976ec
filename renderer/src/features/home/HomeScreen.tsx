import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { hrefFor, navigate } from '../../app/routes.ts';
import { openDemo } from '../../data/index.ts';
import { useAssessments } from '../../data/hooks.ts';
import { AssessmentList } from './AssessmentList.tsx';
import { CreateAssessmentForm } from './CreateAssessmentForm.tsx';
import { DeletedAssessments } from './DeletedAssessments.tsx';

function DemoCard() {
  const { t } = useTranslation('common');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const open = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const assessmentId = await openDemo();
      navigate({ name: 'workspace', assessmentId });
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <section className="card stack" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('home.demo.title')}</h2>
      <p>{t('home.demo.body')}</p>
      {failed ? (
        <p className="notice notice-danger" role="alert">
          {t('home.demo.failed')}
        </p>
      ) : null}
      <div className="cluster">
        <Button className="button button-secondary" onPress={open} isDisabled={busy}>
          {t('home.demo.open')}
        </Button>
      </div>
    </section>
  );
}

export function HomeScreen() {
  const { t } = useTranslation('common');
  const { t: tWorkshop } = useTranslation('workshop');
  const assessments = useAssessments();
  const firstRun = assessments !== undefined && assessments.length === 0;
  return (
    <div className="stack home">
      <h1>{t('home.title')}</h1>
      {firstRun ? (
        <section className="notice stack" aria-labelledby="welcome-title">
          <h2 id="welcome-title">{t('home.welcome.title')}</h2>
          <p>{t('home.welcome.intro')}</p>
        </section>
      ) : null}
      <div className="split">
        <div className="stack">
          <section className="card stack" aria-labelledby="list-title">
            <h2 id="list-title">{t('home.list.title')}</h2>
            {assessments === undefined ? (
              <output className="muted">{t('status.loading')}</output>
            ) : assessments.length === 0 ? (
              <p className="muted">{t('home.list.empty')}</p>
            ) : (
              <AssessmentList assessments={assessments} />
            )}
          </section>
          <DemoCard />
          <section className="card stack" aria-labelledby="workshop-card-title">
            <h2 id="workshop-card-title">{tWorkshop('home.title')}</h2>
            <p>{tWorkshop('home.body')}</p>
            <p>
              <a className="button button-secondary" href={hrefFor({ name: 'newWorkshop' })}>
                {tWorkshop('home.start')}
              </a>
            </p>
          </section>
          <DeletedAssessments />
        </div>
        <div className="card">
          <CreateAssessmentForm />
        </div>
      </div>
    </div>
  );
}
