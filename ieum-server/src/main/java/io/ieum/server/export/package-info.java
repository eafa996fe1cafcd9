/** The user's data export (zip, streamed). */
@NonNullByDefault
package io.ieum.server.export;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
