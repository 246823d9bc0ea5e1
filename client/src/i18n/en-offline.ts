import type { viOffline } from './vi-offline';

/** English for `vi-offline.ts`: exactly its keys. */
export const enOffline: { readonly [K in keyof typeof viOffline]: string } = {
  'offline.banner': 'You are offline — you can still read and annotate; changes will sync when the network is back.',
  'offline.syncing': 'Saving documents for offline reading: {saved}/{total}…',
  'offline.saved': '{saved}/{total} documents saved for offline reading',
  'offline.stored': '{count} documents stored for offline reading',
  'offline.noSpace': 'Not enough space to save {count} documents.',
  'offline.error': 'Documents could not be saved for offline reading.',
  'offline.retry': 'Try again',
};
