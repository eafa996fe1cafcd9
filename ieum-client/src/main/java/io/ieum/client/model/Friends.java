package io.ieum.client.model;

import java.util.List;

/** My friends and the people I blocked. */
public record Friends(List<UserView> friends, List<UserView> blocked) {}
