import { useRef, useState } from 'react';
import { App, Button, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '@common/schemas/files';
import { upload } from '../api/client';
import { errorText } from './errors';

/** What core/files takes (POST /api/v1/files judges the bytes; this only saves a pointless upload). */
const ACCEPT = '.jpg,.jpeg,.png,.gif,.webp,.pdf,.docx,.xlsx';
const MAX_BYTES = 10 * 1024 * 1024;

interface Props {
  value?: FileRef[];
  onChange?: (files: FileRef[]) => void;
  max?: number;
  /** Tells the form a file is still on its way, so it does not submit without it. */
  onBusyChange?: (busy: boolean) => void;
}

/**
 * Evidence for any module's write: each file goes to POST /api/v1/files as soon as it is picked
 * (progress per file on a slow network), and the form sends only the ids the write then claims.
 * A form item: `<Form.Item name="files"><FileField /></Form.Item>`, then `files.map((f) => f.id)`.
 */
export function FileField({ value = [], onChange, max = 5, onBusyChange }: Props) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const busy = (list: UploadFile[]) => (setUploading(list), onBusyChange?.(list.length > 0));

  // Several files upload at once: each finished one joins the files as they are then, not as they were when it started.
  const latest = useRef(value);
  latest.current = value;
  // A finished file keeps the list key it had while uploading: under a new key antd animates the old row out beside
  // the new one, and the file shows twice until the animation ends.
  const keys = useRef(new Map<string, string>());
  const keyOf = (f: FileRef) => keys.current.get(f.id) ?? f.id;

  const start = (file: File & { uid: string }) => {
    const item: UploadFile = { uid: file.uid, name: file.name, status: 'uploading', percent: 0 };
    setUploading((cur) => [...cur, item]);
    onBusyChange?.(true);
    const form = new FormData();
    form.append('file', file, file.name);
    // One update takes the file out of the uploading list and into the value, so it never shows twice.
    const settle = (f?: FileRef) => {
      setUploading((cur) => {
        const next = cur.filter((u) => u.uid !== file.uid);
        onBusyChange?.(next.length > 0);
        return next;
      });
      if (f) {
        keys.current.set(f.id, file.uid);
        latest.current = [...latest.current, f];
        onChange?.(latest.current);
      }
    };
    upload<FileRef>('/files', form, (percent) => setUploading((cur) => cur.map((u) => (u.uid === file.uid ? { ...u, percent } : u))))
      .then((f) => settle(f))
      .catch((err: unknown) => {
        settle();
        void message.error(t('files.failed', { reason: errorText(err, t) }));
      });
  };

  const list: UploadFile[] = [...value.map((f) => ({ uid: keyOf(f), name: f.name, status: 'done' as const })), ...uploading];
  return (
    <Upload
      accept={ACCEPT}
      multiple
      fileList={list}
      beforeUpload={(file) => {
        if (file.size > MAX_BYTES) {
          void message.error(t('files.tooLarge'));
          return Upload.LIST_IGNORE;
        }
        if (list.length >= max) {
          void message.error(t('files.tooMany', { max }));
          return Upload.LIST_IGNORE;
        }
        start(file);
        return false;
      }}
      onRemove={(f) => {
        if (f.status === 'uploading') busy(uploading.filter((u) => u.uid !== f.uid));
        else onChange?.(value.filter((v) => keyOf(v) !== f.uid));
        return true;
      }}
    >
      <Button icon={<PaperClipOutlined />} disabled={list.length >= max} data-testid="file-field">
        {t('files.add')}
      </Button>
    </Upload>
  );
}
