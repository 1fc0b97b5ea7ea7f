export const fa: Record<string, string> = {
  'layout.skip_to_content': 'رفتن به محتوا',
  'layout.main_navigation': 'منوی اصلی',
  'layout.footer': 'ikon – طرح‌های ادغام برای شهرداری‌ها',
  'portal.language.label': 'زبان',
  'portal.content_german': 'محتوای این صفحه‌ها (عنوان‌ها و متن‌های طرح) فعلاً فقط به زبان آلمانی موجود است. رابط کاربری سایت به فارسی ترجمه شده است.',
  'portal.demo.title': 'شهرداری نمایشی و خیالی',
  'portal.demo.text': 'این شهرداری و همه‌ی اطلاعات این صفحه‌ها ساختگی است و فقط برای نمایش ikon به کار می‌رود.',
  'portal.no_concept.title': 'هنوز طرح ادغامی منتشر نشده است',
  'portal.no_concept.text': 'به محض تصویب طرح ادغام، آن را اینجا خواهید یافت. لطفاً بعداً دوباره سر بزنید.',
  'error.not_found_title': 'صفحه پیدا نشد',
  'error.not_found_text': 'صفحه‌ی درخواستی وجود ندارد (یا دیگر وجود ندارد). نشانی را بررسی کنید یا به صفحه‌ی اصلی بروید.',
  'error.back_home': 'به صفحه‌ی اصلی',
};
