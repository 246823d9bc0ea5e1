import { useMemo } from 'react';
import type { AgendaItem, Meeting, MeetingDocument } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { ErrorAlert, LoadState } from '../../ui/Alerts';
import type { Resource } from '../../ui/hooks';
import { canManageDocuments } from '../meetings/permissions';
import { meetingMinutes } from '../meetings/meeting-time';
import { ItemDocuments } from '../documents/ItemDocuments';
import { agendaBudget } from './agenda-logic';
import { AgendaBuilder } from './AgendaBuilder';
import { AgendaItemContent } from './AgendaItemContent';

interface AgendaSectionProps {
  meeting: Meeting;
  agenda: Resource<AgendaItem[]>;
  documents: Resource<MeetingDocument[]>;
}

/** "Chương trình họp": the builder while the secretary may edit, a read-only list otherwise; documents under each item. */
export function AgendaSection({ meeting, agenda, documents }: AgendaSectionProps) {
  const t = useT();
  const items = agenda.data ?? [];
  const budget = agendaBudget(items, meetingMinutes(meeting.startsAt, meeting.endsAt));
  const canManage = canManageDocuments(meeting);
  const byItem = useMemo(() => {
    const map = new Map<string, MeetingDocument[]>();
    for (const doc of documents.data ?? []) map.set(doc.itemId, [...(map.get(doc.itemId) ?? []), doc]);
    return map;
  }, [documents.data]);
  const { set: setDocuments } = documents;
  const onDocChanged = (doc: MeetingDocument) =>
    setDocuments((list) => (list?.some((d) => d.id === doc.id) ? list.map((d) => (d.id === doc.id ? doc : d)) : [...(list ?? []), doc]));

  const renderDocuments = (item: AgendaItem) => (
    <ItemDocuments
      meeting={meeting}
      itemId={item.id}
      itemTitle={item.title}
      documents={byItem.get(item.id) ?? []}
      canManage={canManage}
      onChanged={onDocChanged}
    />
  );

  return (
    <section className="panel agenda" aria-labelledby="agenda-title">
      <div className="panel-header">
        <h2 id="agenda-title">{t('agenda.title')}</h2>
        <p className={budget.over > 0 ? 'agenda-budget agenda-budget-over' : 'agenda-budget'}>
          <span>{t('agenda.total', { total: budget.total, available: budget.available })}</span>
          {budget.over > 0 && <span className="agenda-over"> {t('agenda.over', { over: budget.over })}</span>}
        </p>
      </div>
      {documents.error && <ErrorAlert message={`${t('docs.loadFailed')} ${documents.error}`} />}
      <LoadState loading={agenda.loading} error={agenda.error} hasData={agenda.data !== undefined} onRetry={agenda.reload}>
        {meeting.canEdit ? (
          <AgendaBuilder meetingId={meeting.id} participants={meeting.participants} items={items} onItemsChange={agenda.set} onStale={agenda.reload} renderDocuments={renderDocuments} />
        ) : items.length === 0 ? (
          <p className="muted">{t('agenda.empty')}</p>
        ) : (
          <ol className="agenda-list">
            {items.map((item, index) => (
              <li key={item.id} className="agenda-item">
                <AgendaItemContent item={item} position={index + 1} />
                {renderDocuments(item)}
              </li>
            ))}
          </ol>
        )}
      </LoadState>
    </section>
  );
}
