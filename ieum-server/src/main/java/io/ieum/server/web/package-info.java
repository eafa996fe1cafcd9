/** Serving the browser client bundled by the {@code ieum-web} module. */
@NonNullByDefault
package io.ieum.server.web;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
