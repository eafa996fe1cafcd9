/** Health and metrics. */
@NonNullByDefault
package io.ieum.server.ops;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
