import type { ReactNode } from 'react';
import { Alert, Row, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

interface Props {
  /** Said instead of the board when there is nothing to show (no school, no class). */
  notice?: ReactNode;
  error: Error | null;
  loading: boolean;
  /** The tiles (antd Cols), once the figures have come. */
  children: ReactNode;
}

/**
 * The body of every school dashboard (心桥 and the ten-minute session, for a class or the
 * whole school): why it is empty or failed, a spinner while it loads, then a grid of tiles.
 */
export function Board({ notice, error, loading, children }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {notice && <Alert type="info" showIcon title={notice} />}
      {error && <Alert type="error" showIcon title={errorText(error, t)} />}
      <Spin spinning={loading}>{children && <Row gutter={[16, 16]}>{children}</Row>}</Spin>
    </>
  );
}
