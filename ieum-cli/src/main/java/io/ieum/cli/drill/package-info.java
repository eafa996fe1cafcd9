/**
 * {@code ieum drill fire|partition}: rehearses the loss or isolation of a whole site on a real local
 * three-site cluster under traffic, then checks every member's view of every room and writes an
 * HTML report and a JSON summary (docs/multisite.md, ADR 0009).
 */
package io.ieum.cli.drill;
