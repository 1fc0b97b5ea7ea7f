import type { Role } from '../tenancy/schema.js';

/** Demo sign-ins, created by the demo seed and listed on the sign-in page in demo mode only. */
export const demoPassword = 'Musterland-Demo-2026';
export const demoAccounts: { email: string; name: string; role: Role | 'admin'; actorKey?: string }[] = [
  { email: 'koordination@musterland.example', name: 'Katrin Koordination', role: 'koordination' },
  { email: 'redaktion@musterland.example', name: 'Rainer Redaktion', role: 'redaktion', actorKey: 'fd-soziales' },
  { email: 'partner@musterland.example', name: 'Paula Partner', role: 'partner', actorKey: 'kvhs' },
  { email: 'lesend@musterland.example', name: 'Lars Lesend', role: 'lesend' },
  { email: 'admin@ikon.example', name: 'Alex Admin', role: 'admin' },
];
