import type { Delivery, DeliveryConnector, DeliveryStatus } from '@e-cabinet/protocol';
import type { MessageKey } from '../../i18n';

export const DELIVERY_STATUS_KEY = {
  pending: 'deliveries.status.pending',
  delivered: 'deliveries.status.delivered',
  dead: 'deliveries.status.dead',
} as const satisfies Record<DeliveryStatus, MessageKey>;

export const CONNECTOR_KEY = {
  webhook: 'deliveries.connector.webhook',
  edxml: 'deliveries.connector.edxml',
} as const satisfies Record<DeliveryConnector, MessageKey>;

/** CSS modifier of a delivery's badge. */
export function deliveryTone(status: DeliveryStatus): 'ok' | 'wait' | 'bad' {
  return status === 'delivered' ? 'ok' : status === 'dead' ? 'bad' : 'wait';
}

/** The admin list without the one just retried (it is pending again, no longer a dead letter). */
export function withoutDelivery(items: readonly Delivery[], id: string): Delivery[] {
  return items.filter((d) => d.id !== id);
}
