package io.ieum.core.service;

import io.ieum.core.model.Account;
import io.ieum.core.model.Session;

/** A successful login: the bearer token (shown once, never stored) and the session it opens. */
public record LoginResult(String token, Session session, Account account) {}
