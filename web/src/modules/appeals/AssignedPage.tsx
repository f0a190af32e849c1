import { AppealListPage } from './AppealListPage';

export default function AssignedPage() {
  return <AppealListPage mode="assigned" />;
}
