/** Operator configuration: one validated record per section, loaded from YAML and {@code IEUM_<SECTION>_<KEY>} variables. */
@NonNullByDefault
package io.ieum.server.config;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
