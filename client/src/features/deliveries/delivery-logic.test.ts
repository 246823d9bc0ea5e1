import { describe, expect, it } from 'vitest';
import { DELIVERY_CONNECTORS, DELIVERY_STATUSES, type Delivery } from '@e-cabinet/protocol';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { CONNECTOR_KEY, DELIVERY_STATUS_KEY, deliveryTone, withoutDelivery } from './delivery-logic';

const delivery = (id: string): Delivery => ({
  id,
  meetingId: '0'.repeat(24),
  meetingVersion: 1,
  meetingTitle: 'Phiên họp thường kỳ tháng 11',
  connector: 'edxml',
  status: 'dead',
  attempts: 8,
  maxAttempts: 8,
  lastError: 'HTTP 503',
  nextAttemptAt: null,
  deliveredAt: null,
  idempotencyKey: 'k',
  createdAt: '2026-11-23T03:00:00.000Z',
});

describe('delivery helpers', () => {
  it('has a label in both languages for every status and connector', () => {
    for (const s of DELIVERY_STATUSES) expect(vi[DELIVERY_STATUS_KEY[s]] && en[DELIVERY_STATUS_KEY[s]]).toBeTruthy();
    for (const c of DELIVERY_CONNECTORS) expect(vi[CONNECTOR_KEY[c]] && en[CONNECTOR_KEY[c]]).toBeTruthy();
  });

  it('colours delivered, waiting and dead differently', () => {
    expect(deliveryTone('delivered')).toBe('ok');
    expect(deliveryTone('pending')).toBe('wait');
    expect(deliveryTone('dead')).toBe('bad');
  });

  it('drops the retried delivery from the dead letters', () => {
    const items = [delivery('a'.repeat(24)), delivery('b'.repeat(24))];
    expect(withoutDelivery(items, 'a'.repeat(24)).map((d) => d.id)).toEqual(['b'.repeat(24)]);
    expect(withoutDelivery(items, 'c'.repeat(24))).toHaveLength(2);
  });
});
