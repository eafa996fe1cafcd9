package io.ieum.core.service;

import io.ieum.core.model.AppendResult;
import io.ieum.core.model.Entry;

/** An acknowledged send: the stored entry, and whether this call stored it or found an earlier try. */
public record SendResult(Entry entry, AppendResult result) {}
