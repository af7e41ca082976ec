import { useState, type FormEvent } from 'react';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DataError, MAX_AUTHOR_NAME_LENGTH, setAuthorName } from '../../data/index.ts';
import { useAuthorName } from '../../data/hooks.ts';
import './author-prompt.css';

/**
 * Asks once per laptop who is typing, until a name is given (here or in Settings): the name goes into
 * every change, the history, exported files and the office's import preview.
 */
export function AuthorPrompt() {
  const { t } = useTranslation(['author', 'common']);
  const stored = useAuthorName();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (stored !== null) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setProblem(t('author:empty'));
      return;
    }
    setBusy(true);
    try {
      await setAuthorName(trimmed);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof DataError ? t(`common:errors.data.${error.code}`) : t('author:failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="notice author-prompt" aria-labelledby="author-prompt-title">
      <h2 id="author-prompt-title">{t('author:title')}</h2>
      <form className="author-prompt__form" onSubmit={(event) => void submit(event)}>
        <TextField
          className="field"
          value={name}
          onChange={setName}
          maxLength={MAX_AUTHOR_NAME_LENGTH}
          isInvalid={problem !== null}
          validationBehavior="aria"
          autoComplete="name"
        >
          <Label className="field-label">{t('author:label')}</Label>
          <Input className="input" dir="auto" />
          <Text slot="description" className="field-description">
            {t('author:why')}
          </Text>
          <FieldError className="field-error">{problem}</FieldError>
        </TextField>
        <Button type="submit" className="button" isDisabled={busy}>
          {t('author:save')}
        </Button>
      </form>
    </section>
  );
}
