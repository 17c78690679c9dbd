import { typeset } from '@perron/contract';
import { s } from './plural.ts';

/** French: the event calendar and its registration form. */
export default typeset({
  calendar: {
    label: 'Calendrier des événements',
    view: 'Affichage',
    month: 'Mois',
    list: 'Liste',
    previous: 'Mois précédent',
    next: 'Mois suivant',
    today: 'Aujourd’hui',
    keys: 'Flèches : changer de jour. Page précédente, Page suivante : changer de mois.',
    count: (n: number) => (n ? `${n} ${s(n, 'événement', 'événements')}` : 'aucun événement'),
    noEventsMonth: 'Aucun événement ce mois-ci.',
    more: 'Voir plus d’événements',
    noEventsDay: 'Aucun événement ce jour-là.',
    empty: 'Aucun événement à venir.',
    timeZone: 'Heures de l’Est (Montréal).',
    category: {
      information_session: 'Séance d’information',
      training: 'Formation',
      networking: 'Réseautage',
      workshop: 'Atelier',
      co_creation: 'Cocréation',
    },
    details: 'Détails',
    detailsOf: (event: string) => `Détails : ${event}`,
    organizer: (name: string) => `Organisé par ${name}`,
    online: 'Se joindre en ligne',
    seatsLeft: (n: number) => `${n} ${s(n, 'place restante', 'places restantes')}`,
    full: 'Complet',
    addToCalendar: 'Ajouter à mon calendrier',
    addTo: (event: string) => `Ajouter à un calendrier : ${event}`,
    google: 'Google Agenda',
    outlook: 'Outlook',
    register: 'M’inscrire',
    seats: 'Nombre de places',
    registered: (seats: number) => `C’est noté : ${seats} ${s(seats, 'place réservée', 'places réservées')}. Un courriel de confirmation suit.`,
    eventFull: 'Cet événement est complet.',
    alreadyRegistered: 'Ce courriel est déjà inscrit à cet événement.',
  },
});
