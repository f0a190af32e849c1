import { useState } from 'react';
import { Card, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { confirmImport, type ImportPreview } from './api';
import { PreviewStep } from './PreviewStep';
import { ProgressStep } from './ProgressStep';
import { UploadStep } from './UploadStep';

/** upload → preview (nothing is written yet) → import, then poll the batch to the end. */
type WizardState = { step: 'upload' } | { step: 'preview'; preview: ImportPreview } | { step: 'import'; batchId: string };

const STEP_INDEX = { upload: 0, preview: 1, import: 2 } as const;

export default function ImportPage() {
  const { t } = useTranslation('imports');
  const showError = useShowError();
  const [state, setState] = useState<WizardState>({ step: 'upload' });
  const [orgId, setOrgId] = useState<string>();
  const [confirming, setConfirming] = useState(false);

  const onConfirm = async (preview: ImportPreview) => {
    setConfirming(true);
    try {
      const batch = await confirmImport(preview.id);
      // The batch keeps the preview's id; fall back to it if the answer omits it.
      setState({ step: 'import', batchId: batch?.id ?? preview.id });
    } catch (err) {
      showError(err);
    } finally {
      setConfirming(false);
    }
  };

  const restart = () => setState({ step: 'upload' });

  return (
    <Page title={t('title')}>
      <Card>
        <Steps
          current={STEP_INDEX[state.step]}
          items={[{ title: t('steps.upload') }, { title: t('steps.preview') }, { title: t('steps.import') }]}
          style={{ marginBottom: 24 }}
          data-testid="import-steps"
        />
        {state.step === 'upload' && (
          <UploadStep
            defaultOrgId={orgId}
            onUploaded={(preview, chosenOrg) => {
              setOrgId(chosenOrg);
              setState({ step: 'preview', preview });
            }}
          />
        )}
        {state.step === 'preview' && (
          <PreviewStep preview={state.preview} confirming={confirming} onConfirm={() => onConfirm(state.preview)} onRestart={restart} />
        )}
        {state.step === 'import' && <ProgressStep batchId={state.batchId} orgId={orgId} onRestart={restart} />}
      </Card>
    </Page>
  );
}
