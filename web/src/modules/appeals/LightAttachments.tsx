import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_LIMITS } from '@common/appeals';
import { errorText } from '../../shared/problemText';
import { toast } from '../../shared/light/toast';
import { uploadAttachment, type UploadedAttachment } from './api';

const TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'];
const EXTENSIONS = /\.(jpe?g|png|gif|webp|pdf)$/i;

interface Props {
  value: UploadedAttachment[];
  onAdd: (uploaded: UploadedAttachment) => void;
  onRemove: (id: string) => void;
  /** Tells the form whether a file is still on its way, so it does not submit without it. */
  onBusyChange: (busy: boolean) => void;
  disabled?: boolean;
}

interface Uploading {
  uid: string;
  name: string;
  percent: number;
}

let nextUid = 0;

/**
 * Each file is uploaded as soon as it is picked (the server keeps it for the draft), so
 * submitting later sends only ids and a slow mine network shows progress per file.
 */
export function LightAttachments({ value, onAdd, onRemove, onBusyChange, disabled }: Props) {
  const { t } = useTranslation('appeals');
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const input = useRef<HTMLInputElement>(null);
  // Files removed while still uploading: their upload may still finish, and must then be dropped.
  const cancelled = useRef(new Set<string>());

  const settle = (uid: string) =>
    setUploading((cur) => {
      const next = cur.filter((u) => u.uid !== uid);
      onBusyChange(next.length > 0);
      return next;
    });

  const start = (file: File) => {
    const uid = `u${++nextUid}`;
    setUploading((cur) => [...cur, { uid, name: file.name, percent: 0 }]);
    onBusyChange(true);
    const progress = (percent: number) => setUploading((cur) => cur.map((u) => (u.uid === uid ? { ...u, percent } : u)));
    uploadAttachment(file, progress)
      .then((uploaded) => {
        if (!cancelled.current.has(uid)) onAdd(uploaded);
      })
      .catch((err: unknown) => toast(t('submit.uploadFailed', { reason: errorText(err, t) }), 'error'))
      .finally(() => settle(uid));
  };

  const pick = (files: FileList | null) => {
    let count = value.length + uploading.length;
    for (const file of Array.from(files ?? [])) {
      if (!TYPES.includes(file.type) && !EXTENSIONS.test(file.name)) toast(t('submit.badType'), 'error');
      else if (file.size > ATTACHMENT_LIMITS.maxBytes) toast(t('submit.tooLarge'), 'error');
      else if (count >= ATTACHMENT_LIMITS.maxPerAppeal) {
        toast(t('submit.tooMany'), 'error');
        break;
      } else {
        count++;
        start(file);
      }
    }
    if (input.current) input.current.value = '';
  };

  const full = value.length + uploading.length >= ATTACHMENT_LIMITS.maxPerAppeal;
  return (
    <div data-testid="appeal-attachments">
      <label className={`lt-btn${disabled || full ? ' lt-disabled' : ''}`}>
        <input
          ref={input}
          type="file"
          accept={TYPES.join(',')}
          multiple
          disabled={disabled || full}
          onChange={(e) => pick(e.target.files)}
          style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }}
        />
        <span aria-hidden="true">📎</span> {t('submit.addAttachment')}
      </label>
      <div className="lt-muted lt-small">{t('submit.attachmentsHint')}</div>
      {(value.length > 0 || uploading.length > 0) && (
        <ul className="lt-files">
          {value.map((a) => (
            <li key={a.id} data-testid="appeal-attachment-done">
              <span>{a.fileName}</span>
              <button
                type="button"
                className="lt-link"
                disabled={disabled}
                onClick={() => onRemove(a.id)}
                aria-label={`${t('common:actions.remove')} ${a.fileName}`}
              >
                {t('common:actions.remove')}
              </button>
            </li>
          ))}
          {uploading.map((u) => (
            <li key={u.uid} data-testid="appeal-attachment-uploading">
              <span>
                {u.name} <progress max={100} value={u.percent} aria-label={u.name} />
              </span>
              <button
                type="button"
                className="lt-link"
                onClick={() => {
                  cancelled.current.add(u.uid);
                  settle(u.uid);
                }}
                aria-label={`${t('common:actions.cancel')} ${u.name}`}
              >
                {t('common:actions.cancel')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
