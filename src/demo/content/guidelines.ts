import type { DemoGuideline } from './types.js';

/** Leitlinien des Integrationskonzepts, verabschiedet auf der Abschlussveranstaltung des Beteiligungsprozesses. */
export const guidelines: DemoGuideline[] = [
  {
    title: 'Integration ist eine gesamtgesellschaftliche Aufgabe',
    text: 'Integration gelingt nur, wenn Verwaltung, Politik, Wirtschaft, Bildungseinrichtungen, Zivilgesellschaft und die Zugewanderten selbst gemeinsam Verantwortung übernehmen. Der Landkreis Musterland versteht sich dabei als Moderator und Netzwerkknoten.',
  },
  {
    title: 'Teilhabe von Anfang an',
    text: 'Menschen, die neu in den Landkreis kommen, erhalten vom ersten Tag an Orientierung, Zugang zu Sprache, Bildung und Beratung – unabhängig von Aufenthaltsstatus und Bleibeperspektive.',
  },
  {
    title: 'Vielfalt als Stärke',
    text: 'Die sprachliche, kulturelle und religiöse Vielfalt der Bevölkerung wird als Ressource für den ländlichen Raum anerkannt. Mehrsprachigkeit und mitgebrachte Qualifikationen werden wertgeschätzt und genutzt.',
  },
  {
    title: 'Chancengleichheit und Schutz vor Diskriminierung',
    text: 'Alle Menschen haben gleiche Rechte und Chancen, unabhängig von Herkunft, Geschlecht, Religion oder Weltanschauung. Diskriminierung und Rassismus wird aktiv entgegengewirkt.',
  },
  {
    title: 'Gleichberechtigung der Geschlechter',
    text: 'Angebote werden so gestaltet, dass Frauen und Männer, Mädchen und Jungen gleichermaßen erreicht werden. Die besonderen Lebenslagen zugewanderter Frauen, etwa mit Kleinkindern, werden berücksichtigt.',
  },
  {
    title: 'Vernetzung statt Doppelstrukturen',
    text: 'Bestehende Angebote werden sichtbar gemacht, aufeinander abgestimmt und bedarfsgerecht weiterentwickelt. Neue Maßnahmen entstehen dort, wo die Bestandsaufnahme echte Lücken zeigt.',
  },
  {
    title: 'Beteiligung und Verbindlichkeit',
    text: 'Menschen mit Zuwanderungsgeschichte und ihre Organisationen wirken an der Fortschreibung des Konzepts mit. Ziele und Maßnahmen werden regelmäßig überprüft und dem Kreistag berichtet.',
  },
];
