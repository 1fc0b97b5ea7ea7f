import type { ModuleMessages } from '../../platform/i18n/catalogs.js';

/**
 * German only, inside and outside: Leichte Sprache is a form of German, so its public texts need no
 * other language (and the link to it reads "Leichte Sprache" on every page, lang="de").
 * Texts in Leichte Sprache follow the Netzwerk Leichte Sprache's rules: one statement per
 * sentence, each sentence on its own line ("\n"), no abbreviations, long compounds with the
 * Mediopunkt (Integrations·konzept), hard words explained.
 */
export const messages: ModuleMessages = {
  internalOnly: true,
  de: {
    'nav.easy_read': 'Leichte Sprache',
    'audit.entity.easy_read_text': 'Text in Leichter Sprache',
    'easy_read.edit.title': 'Leichte Sprache',
    'easy_read.edit.intro': 'Hier schreiben Sie die Zusammenfassung des Integrationskonzepts und jedes Themenfeld in Leichter Sprache. Die Texte der beschlossenen Fassung stehen öffentlich auf der Seite „Leichte Sprache“; bei einer Fortschreibung gehen sie mit in die neue Fassung über.',
    'easy_read.edit.rules': 'Regeln für Leichte Sprache (Netzwerk Leichte Sprache): kurze Sätze, eine Aussage pro Satz, jeder Satz in einer neuen Zeile. Keine Abkürzungen, keine Fremdwörter ohne Erklärung. Lange Wörter mit Mediopunkt trennen: Integrations·konzept. Zahlen als Ziffern. Lassen Sie den Text nach Möglichkeit von Menschen mit Lernschwierigkeiten prüfen.',
    'easy_read.edit.edition': 'Fassung',
    'easy_read.edit.choose': 'Anzeigen',
    'easy_read.edit.public_link': 'Öffentliche Seite in Leichter Sprache ansehen',
    'easy_read.edit.summary': 'Zusammenfassung des Integrationskonzepts',
    'easy_read.edit.german': 'Der Text in Standardsprache',
    'easy_read.edit.german_empty': 'In Standardsprache gibt es hierzu noch keinen Text.',
    'easy_read.edit.text_label': 'In Leichter Sprache',
    'easy_read.edit.text_label_of': '{title} in Leichter Sprache',
    'easy_read.edit.save': 'Speichern',
    'easy_read.edit.saved': 'Der Text in Leichter Sprache wurde gespeichert.',
    'easy_read.edit.no_edition': 'Es gibt noch keine Fassung des Integrationskonzepts.',
    'easy_read.edit.last_change': 'Zuletzt geändert von {name} am {date}.',
    'easy_read.state.missing': 'fehlt',
    'easy_read.state.outdated': 'veraltet: der Text in Standardsprache hat sich seitdem geändert',
    'easy_read.state.current': 'aktuell',
    'easy_read.state.label': 'Stand',
    'easy_read.error.german_changed': 'Der Text in Standardsprache wurde inzwischen geändert. Lesen Sie ihn unten neu und prüfen Sie Ihren Text, bevor Sie erneut speichern.',

    // The public pages, in Leichte Sprache.
    'easy_read.nav': 'Leichte Sprache',
    'easy_read.icon_title': 'Zeichen für Leichte Sprache',
    'easy_read.page.title': 'Leichte Sprache',
    'easy_read.page.welcome': 'Das ist die Internet·seite von {tenant}.\nHier steht das Integrations·konzept.\nHier steht es in Leichter Sprache.',
    'easy_read.page.what_heading': 'Was ist ein Integrations·konzept?',
    'easy_read.page.what': 'In {tenant} leben viele Menschen.\nManche Menschen sind neu hier.\nSie kommen aus einem anderen Land.\nAlle Menschen sollen gut zusammen·leben.\nDafür gibt es einen Plan.\nDer Plan heißt: Integrations·konzept.',
    'easy_read.page.what_more': 'Im Plan stehen Ziele.\nIm Plan stehen auch Maßnahmen.\nEine Maßnahme ist eine Sache, die jemand macht.\nZum Beispiel: ein Sprach·kurs für Eltern.',
    'easy_read.page.summary_heading': 'Das Wichtigste in Leichter Sprache',
    'easy_read.page.summary_missing': 'Diesen Text gibt es noch nicht in Leichter Sprache.\nWir schreiben ihn bald.',
    'easy_read.page.fields_heading': 'Die Themen im Integrations·konzept',
    'easy_read.page.no_concept': 'Das Integrations·konzept ist noch nicht fertig.\nBitte schauen Sie später wieder hier.',
    'easy_read.page.more_heading': 'Noch mehr Seiten in Leichter Sprache',
    'easy_read.page.standard_heading': 'Der Text in schwerer Sprache',
    'easy_read.page.standard': 'Sie wollen mehr wissen?\nHier steht das ganze Integrations·konzept.\nDer Text ist in schwerer Sprache.',
    'easy_read.page.standard_link': 'Zum Integrations·konzept in schwerer Sprache',
    'easy_read.page.back': 'Zurück zur Seite Leichte Sprache',
    'easy_read.page.hard_link': 'Zum Text in schwerer Sprache',

    'easy_read.help.title': 'So benutzen Sie diese Internet·seite',
    'easy_read.help.menu_heading': 'Das Menü',
    'easy_read.help.menu': 'Oben auf jeder Seite ist ein Menü.\nIm Menü sind Links.\nEin Link bringt Sie zu einer anderen Seite.\nKlicken Sie auf einen Link.\nDann sehen Sie die andere Seite.',
    'easy_read.help.search_heading': 'Die Suche',
    'easy_read.help.search': 'Sie suchen etwas?\nDann benutzen Sie die Suche.\nSchreiben Sie ein Wort in das Feld.\nZum Beispiel: Sprach·kurs.\nKlicken Sie dann auf: Suchen.\nDann sehen Sie alle Maßnahmen zu dem Wort.',
    'easy_read.help.language_heading': 'Die Sprache',
    'easy_read.help.language': 'Die Internet·seite gibt es in 7 Sprachen.\nOben steht: Sprache.\nDort können Sie eine andere Sprache wählen.\nZum Beispiel: Arabisch oder Türkisch.\nManche Texte gibt es nur auf Deutsch.\nDiese Texte haben das Zeichen: DE.',
    'easy_read.help.bigger_heading': 'Die Schrift größer machen',
    'easy_read.help.bigger': 'Sie können die Schrift größer machen.\nDrücken Sie die Taste Strg.\nDrücken Sie gleich·zeitig die Taste Plus.\nSo wird die Schrift wieder kleiner:\nDrücken Sie die Taste Strg und die Taste Minus.',
    'easy_read.help.keyboard_heading': 'Ohne Maus',
    'easy_read.help.keyboard': 'Sie können die Internet·seite auch ohne Maus benutzen.\nMit der Taste Tab gehen Sie zum nächsten Link.\nMit der Taste Enter öffnen Sie den Link.',
    'easy_read.help.print_heading': 'Drucken',
    'easy_read.help.print': 'Sie können jede Seite drucken.\nDas Menü wird dann nicht gedruckt.\nNur der Text wird gedruckt.',

    'easy_read.imprint.title': 'Wer hat diese Internet·seite gemacht?',
    'easy_read.imprint.text': 'Diese Internet·seite ist von {tenant}.\n{tenant} ist verantwortlich für die Texte.\nVerantwortlich heißt: {tenant} passt auf.\nDie Texte sollen richtig sein.',
    'easy_read.imprint.more': 'Jede Internet·seite braucht ein Impressum.\nDas Impressum ist eine Seite mit Namen und Adresse.\nSo wissen Sie: Wer hat die Internet·seite gemacht?\nSo können Sie den Menschen schreiben.',
    'easy_read.imprint.contact': 'Sie haben eine Frage?\nDann schreiben Sie uns.\nAuf der Seite Kontakt steht unsere Adresse.',
    'easy_read.imprint.contact_link': 'Zur Seite Kontakt',

    'easy_read.privacy.title': 'Was passiert mit Ihren Daten?',
    'easy_read.privacy.text': 'Daten sind Infos über Sie.\nZum Beispiel: Ihr Name.\nOder: Ihre E-Mail-Adresse.\nIhre Daten gehören Ihnen.\nDas steht im Gesetz.\nDas Gesetz heißt: Daten·schutz·grund·verordnung.',
    'easy_read.privacy.reading': 'Sie können hier alles lesen.\nDafür müssen Sie sich nicht anmelden.\nDafür müssen Sie keine Daten eingeben.',
    'easy_read.privacy.writing': 'Sie können uns eine Nachricht schreiben.\nDann speichern wir Ihre Nachricht.\nWir brauchen die Nachricht für unsere Antwort.\nWir geben Ihre Nachricht nicht weiter.',
    'easy_read.privacy.rights': 'Sie haben Rechte.\nSie dürfen fragen: Welche Daten haben Sie von mir?\nSie dürfen sagen: Bitte löschen Sie meine Daten.\nLöschen heißt: Die Daten sind dann weg.',
    'easy_read.privacy.more': 'Alle Regeln stehen in der Daten·schutz·erklärung.\nDie Erklärung ist in schwerer Sprache.',

    'easy_read.accessibility.title': 'Barriere·freiheit: Alle sollen die Seite benutzen können',
    'easy_read.accessibility.text': 'Barriere·frei heißt:\nAlle Menschen können die Internet·seite benutzen.\nAuch Menschen mit Behinderung.\nZum Beispiel: Menschen, die schlecht sehen.\nSie können sich die Seite vorlesen lassen.',
    'easy_read.accessibility.law': 'Für Ämter gibt es dafür ein Gesetz.\nDas Gesetz sagt:\nDie Internet·seiten von Ämtern müssen barriere·frei sein.',
    'easy_read.accessibility.limits': 'Wir geben uns Mühe.\nManche Teile sind vielleicht noch nicht barriere·frei.\nWelche Teile das sind:\nDas steht in der Erklärung zur Barriere·freiheit.',
    'easy_read.accessibility.feedback': 'Haben Sie ein Problem auf der Internet·seite?\nDann schreiben Sie uns.\nDafür gibt es ein Formular.\nWir antworten Ihnen.',
    'easy_read.accessibility.mediation': 'Sie sind mit der Antwort nicht zufrieden?\nDann können Sie sich an die Schlichtungs·stelle wenden.\nDie Schlichtungs·stelle hilft Ihnen.\nDas kostet nichts.\nDie Adresse steht in der Erklärung zur Barriere·freiheit.',
    'easy_read.accessibility.form_link': 'Zur Erklärung zur Barriere·freiheit mit dem Formular',
  },
  en: {},
};
