import { AppealListPage } from './AppealListPage';

export default function InboxPage() {
  return <AppealListPage mode="inbox" />;
}
