import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Meeting, MeetingDocument } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { useToast } from '../../ui/Toasts';
import { DocumentBadges } from './DocumentBadges';
import { DocumentSettingsDialog } from './DocumentSettingsDialog';
import { formatBytes, uploadUrls } from './upload';
import { UploadControl } from './UploadControl';

interface ItemDocumentsProps {
  meeting: Meeting;
  itemId: string;
  itemTitle: string;
  documents: readonly MeetingDocument[];
  /** The meeting's secretary, before the meeting ends: upload, replace, configure. */
  canManage: boolean;
  /** Called with the stored document after an upload or a settings change. */
  onChanged: (doc: MeetingDocument) => void;
}

/** The documents of one agenda item, each a link to the viewer; upload controls for the secretary. */
export function ItemDocuments({ meeting, itemId, itemTitle, documents, canManage, onChanged }: ItemDocumentsProps) {
  const t = useT();
  const toast = useToast();
  if (documents.length === 0 && !canManage) return null;
  return (
    <div className="item-documents">
      {documents.length > 0 ? (
        <ul className="document-list" aria-label={t('docs.listOf', { title: itemTitle })}>
          {documents.map((doc) => (
            <DocumentRow key={doc.id} meeting={meeting} doc={doc} canManage={canManage} onChanged={onChanged} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('docs.none')}</p>
      )}
      {canManage && (
        <UploadControl
          label={t('docs.uploadFor', { title: itemTitle })}
          buttonText={t('docs.upload')}
          urlFor={(file) => uploadUrls.newDocument(meeting.id, itemId, file.name)}
          onUploaded={(doc) => {
            onChanged(doc);
            toast(t('docs.uploaded', { title: doc.title }));
          }}
        />
      )}
    </div>
  );
}

function DocumentRow({ meeting, doc, canManage, onChanged }: { meeting: Meeting; doc: MeetingDocument; canManage: boolean; onChanged: (doc: MeetingDocument) => void }) {
  const t = useT();
  const locale = useLocale();
  const toast = useToast();
  const [settings, setSettings] = useState(false);
  return (
    <li className="document-row">
      <div className="document-main">
        <Link className="document-link" to={`/documents/${doc.id}`}>
          {doc.title}
        </Link>
        <DocumentBadges doc={doc} />
      </div>
      <p className="document-meta muted">
        {t('docs.meta', {
          version: doc.current.version,
          pages: doc.current.pageCount,
          size: formatBytes(doc.current.pdfSize, locale),
        })}
        {doc.access === 'selected' && canManage && ` · ${t('docs.restricted', { count: doc.allowedUserIds.length })}`}
      </p>
      {canManage && (
        <div className="row-actions">
          <button type="button" aria-label={t('docs.settingsFor', { title: doc.title })} onClick={() => setSettings(true)}>
            {t('docs.settings')}
          </button>
          <UploadControl
            compact
            label={t('docs.replaceFor', { title: doc.title })}
            buttonText={t('docs.replace')}
            urlFor={(file) => uploadUrls.newVersion(doc.id, file.name)}
            onUploaded={(after) => {
              onChanged(after);
              toast(t('docs.replaced', { title: after.title, version: after.current.version }));
            }}
          />
        </div>
      )}
      {settings && (
        <DocumentSettingsDialog
          meeting={meeting}
          doc={doc}
          onClose={() => setSettings(false)}
          onSaved={(after) => {
            setSettings(false);
            onChanged(after);
            toast(t('docs.settingsSaved', { title: after.title }));
          }}
        />
      )}
    </li>
  );
}
