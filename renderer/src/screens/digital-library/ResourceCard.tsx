// One resource as a large touch card: cover (or the format's icon), title, topic and format.
import { useTranslation } from 'react-i18next';
import { eresourceFileUrl, type EresourceView } from '#contract/eresources';
import { FormatIcon } from './FormatIcon';

export function ResourceCard({ resource, onOpen }: { resource: EresourceView; onOpen: (id: number) => void }) {
  const { t } = useTranslation('eresources');
  return (
    <button type="button" className={`resource-card format-${resource.format}`} onClick={() => onOpen(resource.id)} data-resource-id={resource.id}>
      <span className="cover" aria-hidden="true">
        {resource.hasCover ? <img src={eresourceFileUrl(resource.id, 'cover')} alt="" loading="lazy" /> : <FormatIcon format={resource.format} size={72} />}
        <span className="format-badge">{t(`formats.${resource.format}`)}</span>
      </span>
      <span className="title">{resource.title}</span>
      <span className="meta">
        {resource.topic}
        {resource.audience !== 'all' ? ` · ${t(`audiences.${resource.audience}`, { defaultValue: resource.audience })}` : ''}
      </span>
    </button>
  );
}
