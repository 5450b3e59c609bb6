package dev.keygate.adapter.rest;

/**
 * How a key's credits are refilled (Keygate's extension), in UTC.
 *
 * @param interval {@code daily}, {@code monthly}, or an ISO-8601 duration such as {@code P7D} or
 *     {@code PT12H}
 * @param day the day of the month of a monthly refill, 1-31 (1 by default); for monthly only
 * @param mode {@code set} (the default: the credits become {@code amount}) or {@code add}
 */
record RefillRequest(@Required Long amount, @Required String interval, Integer day, String mode) {}
