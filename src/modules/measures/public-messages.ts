import type { ModuleMessages } from '../../platform/i18n/catalogs.js';

/** Measure statuses as the public pages name them (portal, progress page), German and English. */
export const publicMessages: ModuleMessages = {
  publicInterface: true,
  translations: {
    ar: { 'portal.status.geplant': 'مخطط له', 'portal.status.in_umsetzung': 'قيد التنفيذ', 'portal.status.umgesetzt': 'منفّذ', 'portal.status.verstetigt': 'أصبح دائمًا', 'portal.status.zurueckgestellt': 'مؤجّل', 'portal.status.entfallen': 'أُلغي' },
    uk: { 'portal.status.geplant': 'заплановано', 'portal.status.in_umsetzung': 'виконується', 'portal.status.umgesetzt': 'виконано', 'portal.status.verstetigt': 'запроваджено на постійній основі', 'portal.status.zurueckgestellt': 'відкладено', 'portal.status.entfallen': 'скасовано' },
    ru: { 'portal.status.geplant': 'запланировано', 'portal.status.in_umsetzung': 'реализуется', 'portal.status.umgesetzt': 'реализовано', 'portal.status.verstetigt': 'введено на постоянной основе', 'portal.status.zurueckgestellt': 'отложено', 'portal.status.entfallen': 'отменено' },
    tr: { 'portal.status.geplant': 'planlandı', 'portal.status.in_umsetzung': 'uygulanıyor', 'portal.status.umgesetzt': 'uygulandı', 'portal.status.verstetigt': 'kalıcı hâle getirildi', 'portal.status.zurueckgestellt': 'ertelendi', 'portal.status.entfallen': 'iptal edildi' },
    fa: { 'portal.status.geplant': 'برنامه‌ریزی‌شده', 'portal.status.in_umsetzung': 'در حال اجرا', 'portal.status.umgesetzt': 'اجراشده', 'portal.status.verstetigt': 'دائمی‌شده', 'portal.status.zurueckgestellt': 'به تعویق افتاده', 'portal.status.entfallen': 'لغوشده' },
  },
  de: {
    'portal.status.geplant': 'geplant',
    'portal.status.in_umsetzung': 'in Umsetzung',
    'portal.status.umgesetzt': 'umgesetzt',
    'portal.status.verstetigt': 'verstetigt',
    'portal.status.zurueckgestellt': 'zurückgestellt',
    'portal.status.entfallen': 'entfallen',
  },
  en: {
    'portal.status.geplant': 'planned',
    'portal.status.in_umsetzung': 'in progress',
    'portal.status.umgesetzt': 'implemented',
    'portal.status.verstetigt': 'made permanent',
    'portal.status.zurueckgestellt': 'postponed',
    'portal.status.entfallen': 'dropped',
  },
};
