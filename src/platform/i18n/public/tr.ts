export const tr: Record<string, string> = {
  'layout.skip_to_content': 'İçeriğe geç',
  'layout.main_navigation': 'Ana menü',
  'layout.footer': 'ikon – belediyeler için uyum konseptleri',
  'portal.language.label': 'Dil',
  'portal.content_german': 'Bu sayfaların içeriği (konseptin başlıkları ve metinleri) şimdilik yalnızca Almanca olarak mevcuttur. Sitenin arayüzü Türkçeye çevrilmiştir.',
  'portal.demo.title': 'Kurgusal demo belediyesi',
  'portal.demo.text': 'Bu belediye ve bu sayfalardaki tüm bilgiler hayalîdir. Yalnızca ikon’u tanıtmak için kullanılır.',
  'portal.no_concept.title': 'Henüz yayımlanmış bir uyum konsepti yok',
  'portal.no_concept.text': 'Uyum konsepti kabul edilir edilmez burada bulabilirsiniz. Lütfen daha sonra tekrar uğrayın.',
  'error.not_found_title': 'Sayfa bulunamadı',
  'error.not_found_text': 'İstediğiniz sayfa mevcut değil (artık yok). Adresi kontrol edin veya ana sayfaya gidin.',
  'error.back_home': 'Ana sayfaya',
};
