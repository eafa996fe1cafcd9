package io.ieum.server.http;

import com.linecorp.armeria.common.HttpResponse;

/** One REST call. Runs on the blocking task executor, so it may call the (blocking) domain services. */
@FunctionalInterface
public interface ApiHandler {

    HttpResponse handle(ApiRequest request) throws Exception;
}
