/** The REST plumbing: routes, bearer authentication, request bodies, and running handlers off the event loop. */
@NonNullByDefault
package io.ieum.server.http;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
