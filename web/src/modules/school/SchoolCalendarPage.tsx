import { Alert, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/Page';
import { ClosuresCard } from './ClosuresCard';
import { SchoolSelect } from '../../shared/school/SchoolSelect';
import { SettingsCard } from './SettingsCard';
import { TermsCard } from './TermsCard';
import { usePickedSchool } from '../../shared/school/usePickedSchool';
import '../../shared/school/school.css';

/** Terms and closures decide which days are school days for both school practices. */
export default function SchoolCalendarPage() {
  const { t } = useTranslation('school');
  const { schools, schoolId, pick, loading } = usePickedSchool();

  return (
    <Page title={t('title')} extra={<SchoolSelect value={schoolId} schools={schools} onChange={pick} />}>
      {!loading && !schoolId && <Alert type="info" showIcon title={t('noSchool')} />}
      {schoolId && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <TermsCard schoolId={schoolId} />
          </Col>
          <Col xs={24} xl={12}>
            <ClosuresCard schoolId={schoolId} />
          </Col>
          <Col xs={24} xl={12}>
            <SettingsCard schoolId={schoolId} />
          </Col>
        </Row>
      )}
    </Page>
  );
}
