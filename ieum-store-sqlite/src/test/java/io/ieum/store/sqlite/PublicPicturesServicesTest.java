package io.ieum.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ieum.core.channel.Channel;
import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.service.AuthContext;
import io.ieum.core.service.ChannelService;
import io.ieum.core.service.EventSink;
import io.ieum.core.service.Limits;
import io.ieum.core.service.PasswordHasher;
import io.ieum.core.service.Services;

/**
 * The core services themselves (not the REST layer) refuse a profile avatar or shop picture that
 * is someone else's upload, so every caller of the services is held to the rule (PublicPictures).
 */
class PublicPicturesServicesTest extends SqliteStorageTestBase {

    private Services services;
    private AuthContext mina;
    private AuthContext joon;
    private String minasPhoto;
    private String joonsPhoto;

    @BeforeEach
    void twoUsersWithAPhotoEach() throws Exception {
        services = Services.create(storage, EventSink.NONE, Limits.DEFAULTS, Clock.systemUTC(), PasswordHasher.forTests());
        mina = signedIn("mina");
        joon = signedIn("joon");
        minasPhoto = storage.blobs().put(mina.userId(), bytes("mina's photo"), 1_000).sha256();
        joonsPhoto = storage.blobs().put(joon.userId(), bytes("joon's private photo"), 1_000).sha256();
    }

    @Test
    void anAvatarShouldBeTheCallersOwnUpload() {
        assertThat(services.accounts().updateProfile(mina, null, null, Optional.of(minasPhoto)).profile().avatar())
                .isEqualTo(minasPhoto);

        assertRefused(() -> services.accounts().updateProfile(mina, "Mina", null, Optional.of(joonsPhoto)), "avatar");
        assertThat(services.accounts().me(mina).profile().avatar()).isEqualTo(minasPhoto);
        assertThat(services.accounts().me(mina).profile().displayName()).isEqualTo("mina");
        assertThat(services.accounts().updateProfile(mina, null, null, Optional.empty()).profile().avatar()).isNull();
    }

    @Test
    void aShopPictureShouldBeTheCallersOwnUploadOnCreateAndOnEdit() {
        assertRefused(() -> services.channels().create(mina, details("Mina cakes", joonsPhoto)), "picture");
        assertThat(services.channels().search("Mina", 10)).isEmpty();

        Channel shop = services.channels().create(mina, details("Mina cakes", minasPhoto));
        assertRefused(() -> services.channels().update(mina, shop.id(), details("Mina cakes", joonsPhoto)), "picture");
        assertThat(services.channels().channel(shop.id()).picture()).isEqualTo(minasPhoto);

        Channel renamed = services.channels().update(mina, shop.id(), details("Mina's cakes", minasPhoto));
        assertThat(renamed.picture()).isEqualTo(minasPhoto);
        assertThat(services.channels().update(mina, shop.id(), details("Mina's cakes", null)).picture()).isNull();
    }

    private static void assertRefused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(IeumException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.detail()).startsWith(field + ": '").endsWith("(expected: the SHA-256 of a file you uploaded)");
        });
    }

    private AuthContext signedIn(String username) {
        services.accounts().signUp(username, "correct horse battery", username);
        String token = services.accounts().logIn(username, "correct horse battery", "test", "127.0.0.1").token();
        return services.accounts().authenticate(token);
    }

    private static ChannelService.Details details(String name, String picture) {
        return new ChannelService.Details(name, "cakes", "daily", "02-000-0000", picture);
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
