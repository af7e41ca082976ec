import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import './option-select.css';

export interface Option {
  readonly id: string;
  readonly label: string;
}

export interface OptionSelectProps {
  readonly label: string;
  readonly options: readonly Option[];
  readonly value: string | null;
  /** The label of the "nothing chosen" entry; choosing it reports null. */
  readonly noneLabel: string;
  readonly onChange: (value: string | null) => void;
  readonly className?: string;
}

/** Keys of list items cannot be empty strings, so "nothing chosen" has its own reserved key. */
const NONE = '\u0000none';

/** A single-choice list with an explicit "nothing chosen" entry, so a choice can always be taken back. */
export function OptionSelect({ label, options, value, noneLabel, onChange, className }: OptionSelectProps) {
  const items: readonly Option[] = [{ id: NONE, label: noneLabel }, ...options];
  return (
    <Select
      className={['field option-select', className].filter(Boolean).join(' ')}
      value={value ?? NONE}
      onChange={(key) => {
        const next = key === null || key === NONE ? null : String(key);
        if (next !== value) onChange(next);
      }}
    >
      <Label className="field-label">{label}</Label>
      <Button className="input select-button option-select__button">
        <SelectValue />
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={items}>{(item) => <ListBoxItem className="listbox-item" id={item.id}>{item.label}</ListBoxItem>}</ListBox>
      </Popover>
    </Select>
  );
}
