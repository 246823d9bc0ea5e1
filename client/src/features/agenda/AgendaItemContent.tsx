import type { AgendaItem } from '@e-cabinet/protocol';
import { useT } from '../../i18n';

/** Number, title, presenter, time box and description of one agenda item. */
export function AgendaItemContent({ item, position, titleId }: { item: AgendaItem; position: number; titleId?: string }) {
  const t = useT();
  return (
    <div className="agenda-item-content">
      <h3 className="agenda-item-title" id={titleId}>
        <span className="agenda-item-number">{position}.</span> {item.title}
      </h3>
      <p className="agenda-item-meta muted">
        <span>{t('agenda.minutes', { minutes: item.durationMinutes })}</span>
        {item.presenterName && <span>{t('agenda.presentedBy', { name: item.presenterName })}</span>}
      </p>
      {item.description && <p className="agenda-item-description">{item.description}</p>}
    </div>
  );
}
