export const ar: Record<string, string> = {
  'layout.skip_to_content': 'الانتقال إلى المحتوى',
  'layout.main_navigation': 'القائمة الرئيسية',
  'layout.footer': 'ikon – مفاهيم الاندماج للبلديات',
  'portal.language.label': 'اللغة',
  'portal.content_german': 'محتوى هذه الصفحات (عناوين المفهوم ونصوصه) متوفر حاليًا باللغة الألمانية فقط. واجهة الموقع مترجمة إلى العربية.',
  'portal.demo.title': 'بلدية تجريبية وهمية',
  'portal.demo.text': 'هذه البلدية وجميع المعلومات الواردة في هذه الصفحات مختلقة، والغرض منها عرض طريقة عمل ikon فقط.',
  'portal.no_concept.title': 'لم يُنشر مفهوم للاندماج بعد',
  'portal.no_concept.text': 'ستجده هنا فور إقرار مفهوم الاندماج. يسعدنا أن تعود لاحقًا.',
  'error.not_found_title': 'الصفحة غير موجودة',
  'error.not_found_text': 'الصفحة المطلوبة غير موجودة (أو لم تعد موجودة). تحقّق من العنوان أو انتقل إلى الصفحة الرئيسية.',
  'error.back_home': 'إلى الصفحة الرئيسية',
};
