import type { DeliveryStatus } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { DELIVERY_STATUS_KEY, deliveryTone } from './delivery-logic';

export function DeliveryBadge({ status }: { status: DeliveryStatus }) {
  const t = useT();
  return <span className={`badge delivery-badge is-${deliveryTone(status)}`}>{t(DELIVERY_STATUS_KEY[status])}</span>;
}
