import { useTranslation } from 'react-i18next';
import './book.css';

interface Props {
  phrases: string[] | undefined;
  onPick: (phrase: string) => void;
}

/** One tap puts a kind sentence in the box; typing one's own words is always possible. */
export function PhraseChips({ phrases, onPick }: Props) {
  const { t } = useTranslation('heartBridge');
  if (!phrases?.length) return null;
  return (
    <div className="hb-phrases" data-testid="hb-phrases">
      <div className="lt-muted lt-small">{t('phrases.label')}</div>
      <div className="lt-row" style={{ gap: 6, marginTop: 4 }}>
        {phrases.map((p) => (
          <button type="button" key={p} onClick={() => onPick(p)} className="hb-phrase" data-testid="hb-phrase">
            {p}
          </button>
        ))}
      </div>
    </div>
  );
}
