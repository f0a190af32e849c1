import { ActionModal, type ActionModalProps } from './ActionModal';
import { TextField, type TextFieldProps } from './ActionFields';

type Values = Record<string, string | undefined>;

interface Props extends Omit<ActionModalProps<Values>, 'initialValues' | 'onSubmit' | 'children'> {
  field: TextFieldProps;
  /** Gets the text trimmed; an optional text left blank arrives as ''. */
  onSubmit: (text: string) => Promise<unknown>;
}

/**
 * The dialog of an act that needs only one text — a reason, a note, an instruction: many
 * acts on appeals and group alerts ask just that, and they should read and check alike.
 */
export function TextActionModal({ field, onSubmit, ...modal }: Props) {
  return (
    <ActionModal<Values> {...modal} onSubmit={(v) => onSubmit((v[field.name] ?? '').trim())}>
      {() => <TextField {...field} />}
    </ActionModal>
  );
}
