// The tag vocabulary features are written with, in one place: the feature lint, the traceability,
// the impact's scenario map and the Allure labels all read a requirement tag the same way.

/** `@REQ-110`: the requirement a scenario proves (the catalogue's id is the group). */
export const REQUIREMENT_TAG = /^@REQ-(.+)$/;
