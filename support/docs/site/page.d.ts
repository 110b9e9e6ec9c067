// The page script's globals and helper types: support/docs/site/app.js is checked with them
// (support/docs/site/tsconfig.json).

/** Set in the `vm` context the build runs the page script in (support/docs/static-dom.ts); not in a browser. */
declare const STATIC_BUILD: true | undefined;

/** What `h` appends: nodes, text, nested lists; null, undefined and false are left out. */
type Child = Node | string | number | boolean | null | undefined | readonly Child[];

/** An attribute of `h`: left out when null, undefined or false; a function is an event listener. */
type Attribute = string | number | boolean | null | undefined | ((event: Event) => void);
