/** The REST calls of docs/protocol.md, one class per resource. */
@NonNullByDefault
package io.ieum.server.api;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
