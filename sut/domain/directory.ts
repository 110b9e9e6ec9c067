import type { Business } from './types';

/** Businesses that registered their numbers; verified ones proved they own them. */
export const BUSINESSES: ReadonlyMap<string, Business> = new Map([
  [
    '+886227208889',
    {
      name: 'Acme Bank Customer Service',
      industry: 'Banking',
      verified: true,
      website: 'https://bank.example',
      email: 'service@bank.example',
    },
  ],
  [
    '+886223456789',
    {
      name: 'Sunrise Pizza',
      industry: 'Restaurant',
      verified: false,
      website: null,
      email: 'orders@sunrise-pizza.example',
    },
  ],
  [
    '+886287654321',
    { name: 'FastLoans Ltd', industry: 'Lending', verified: false, website: null, email: null },
  ],
]);

/** The community directory: people who chose to be listed under their name. */
export const PEOPLE: ReadonlyMap<string, string> = new Map([['+886987654321', 'Lin Wei']]);
