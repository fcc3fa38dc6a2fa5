/** The id the adapter registers under in Polly (`adapters: ['undici']`, `adapterOptions.undici`). */
export const ADAPTER_ID = 'undici';
