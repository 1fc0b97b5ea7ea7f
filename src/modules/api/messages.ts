import type { ModuleMessages } from '../../platform/i18n/catalogs.js';

export const messages: ModuleMessages = {
  de: {
    'api.malformed_json': 'Der Inhalt der Anfrage ist kein gültiges JSON.',
    'api.unsupported_media_type': 'Bitte senden Sie den Inhalt als JSON (Content-Type: application/json).',
    'api.bad_request': 'Die Anfrage ist fehlerhaft.',
  },
  en: {
    'api.malformed_json': 'The request body is not valid JSON.',
    'api.unsupported_media_type': 'Please send the body as JSON (Content-Type: application/json).',
    'api.bad_request': 'The request is malformed.',
  },
};
