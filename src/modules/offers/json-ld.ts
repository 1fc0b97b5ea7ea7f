import { addDays } from '../../platform/dates.js';
import { occurrencesBetween, sortedSlots } from './schedule.js';
import type { PublicOffer } from './public-data.js';

const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * schema.org description of an offer for search engines: an Event with its next time (organizers
 * as Organization, the Place as location) where it has dates or a recurrence; otherwise a Place
 * with its opening hours, beside its providers as Organization.
 */
export function offerJsonLd(o: PublicOffer, url: string, today: string): Record<string, unknown> {
  const address = o.street || o.city ? { '@type': 'PostalAddress', streetAddress: o.street || undefined, postalCode: o.postalCode || undefined, addressLocality: o.city || o.municipalityName || undefined, addressCountry: 'DE' } : undefined;
  const geo = o.latitude != null && o.longitude != null ? { '@type': 'GeoCoordinates', latitude: o.latitude, longitude: o.longitude } : undefined;
  const organizers = o.providers.map((name) => ({ '@type': 'Organization', name }));
  const place: Record<string, unknown> = { '@type': 'Place', name: o.city || o.municipalityName || o.title, address, geo };
  if (o.schedule.kind === 'oeffnungszeiten') {
    place.openingHoursSpecification = sortedSlots(o.schedule.slots).map((s) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: `https://schema.org/${days[s.weekday - 1]}`, opens: s.opens, closes: s.closes }));
  }
  const common = { '@context': 'https://schema.org', name: o.title, description: o.description || undefined, url, inLanguage: o.languages, isAccessibleForFree: o.free };
  if (o.schedule.kind === 'termine' || o.schedule.kind === 'wiederkehrend') {
    const next = occurrencesBetween(o.schedule, today, addDays(today, 400))[0];
    return {
      ...common,
      '@type': 'Event',
      startDate: next?.start.toISOString(),
      endDate: next?.end.toISOString(),
      eventStatus: o.temporarilyClosed ? 'https://schema.org/EventPostponed' : 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: place,
      organizer: organizers,
      ...(o.schedule.kind === 'wiederkehrend' ? { eventSchedule: { '@type': 'Schedule', startDate: o.schedule.firstDate, startTime: o.schedule.start, endTime: o.schedule.end, scheduleTimezone: 'Europe/Berlin', exceptDate: o.schedule.exceptions } } : {}),
    };
  }
  // A counselling desk or a course "nach Vereinbarung" is a place with opening hours (or none); its providers stand beside it.
  const { name: _placeName, ...placeDetails } = place;
  return { '@context': 'https://schema.org', '@graph': [{ ...common, '@context': undefined, ...placeDetails, '@type': 'Place' }, ...organizers] };
}

/** Safe inside <script>: no "</script>" or HTML comment can end it early. */
export const jsonLdScript = (data: unknown) => JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
