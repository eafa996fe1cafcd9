/** Immutable domain values. Constructors validate; error messages name the field and what was expected. */
package io.ieum.core.model;
