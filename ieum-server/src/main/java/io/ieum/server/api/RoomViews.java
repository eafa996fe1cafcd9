package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Member;
import io.ieum.core.service.AccountService;
import io.ieum.core.service.RoomDetails;
import io.ieum.server.json.Views.RoomView;

/** Builds the Room view, which shows each member as a User. */
final class RoomViews {

    private final AccountService accounts;

    RoomViews(AccountService accounts) {
        this.accounts = requireNonNull(accounts, "accounts");
    }

    RoomView of(RoomDetails details) {
        Map<UserId, Account> byId = new HashMap<>();
        for (Member member : details.members()) {
            byId.put(member.userId(), accounts.account(member.userId()));
        }
        return RoomView.of(details, byId);
    }
}
