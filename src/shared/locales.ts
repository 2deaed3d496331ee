/** The languages public/_locales holds (tests/unit/locales.test.ts keeps this list true). */
export const LOCALES = ['en', 'de'];
