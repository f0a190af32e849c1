import { useRef, useState } from 'react';
import { App, Button, Typography, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_LIMITS } from '@common/appeals';
import { errorText } from '../../shared/errors';
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

/**
 * Each file is uploaded as soon as it is picked (the server keeps it for the draft), so
 * submitting later sends only ids and a slow mine network shows progress per file.
 */
export function AttachmentField({ value, onAdd, onRemove, onBusyChange, disabled }: Props) {
  const { t } = useTranslation('appeals');
  const { message } = App.useApp();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  // Files removed while still uploading: their upload may still finish, and must then be dropped.
  const cancelled = useRef(new Set<string>());

  const setBusy = (list: UploadFile[]) => {
    setUploading(list);
    onBusyChange(list.length > 0);
  };

  const start = (file: File & { uid: string }) => {
    const item: UploadFile = { uid: file.uid, name: file.name, status: 'uploading', percent: 0 };
    setUploading((cur) => {
      const next = [...cur, item];
      onBusyChange(true);
      return next;
    });
    const progress = (percent: number) =>
      setUploading((cur) => cur.map((u) => (u.uid === file.uid ? { ...u, percent } : u)));
    uploadAttachment(file, progress)
      .then((uploaded) => {
        if (!cancelled.current.has(file.uid)) onAdd(uploaded);
      })
      .catch((err: unknown) => {
        void message.error(t('submit.uploadFailed', { reason: errorText(err, t) }));
      })
      .finally(() => {
        setUploading((cur) => {
          const next = cur.filter((u) => u.uid !== file.uid);
          onBusyChange(next.length > 0);
          return next;
        });
      });
  };

  const fileList: UploadFile[] = [
    ...value.map((a) => ({ uid: a.id, name: a.fileName, status: 'done' as const })),
    ...uploading,
  ];

  return (
    <div data-testid="appeal-attachments">
      <Upload
        accept={TYPES.join(',')}
        multiple
        disabled={disabled}
        fileList={fileList}
        beforeUpload={(file, batch) => {
          const position = value.length + uploading.length + batch.indexOf(file);
          if (!TYPES.includes(file.type) && !EXTENSIONS.test(file.name)) {
            void message.error(t('submit.badType'));
            return Upload.LIST_IGNORE;
          }
          if (file.size > ATTACHMENT_LIMITS.maxBytes) {
            void message.error(t('submit.tooLarge'));
            return Upload.LIST_IGNORE;
          }
          if (position >= ATTACHMENT_LIMITS.maxPerAppeal) {
            if (batch.indexOf(file) === batch.length - 1 || position === ATTACHMENT_LIMITS.maxPerAppeal) void message.error(t('submit.tooMany'));
            return Upload.LIST_IGNORE;
          }
          start(file);
          return false;
        }}
        onRemove={(f) => {
          if (f.status === 'uploading') {
            cancelled.current.add(f.uid);
            setBusy(uploading.filter((u) => u.uid !== f.uid));
          }
          else onRemove(f.uid);
          return true;
        }}
      >
        <Button icon={<PaperClipOutlined />} disabled={disabled || fileList.length >= ATTACHMENT_LIMITS.maxPerAppeal}>
          {t('submit.addAttachment')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('submit.attachmentsHint')}
      </Typography.Text>
    </div>
  );
}
