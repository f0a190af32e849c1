import { PublishedTextPage } from './PublishedPage';

export default PublishedTextPage;
