package io.ieum.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bench users' tokens kept between runs ({@code --tokens FILE}, lines {@code username token}, owner
 * only): each log-in costs the server an Argon2id hash, which for thousands of users takes minutes.
 */
final class TokenCache {

    private final Path file;

    TokenCache(Path file) {
        this.file = file;
    }

    /** The tokens of {@code usernames} in order, if the file has every one of them. */
    Optional<List<String>> load(List<String> usernames) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, String> known = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    known.put(line.substring(0, space), line.substring(space + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> tokens = new ArrayList<>();
        for (String name : usernames) {
            String token = known.get(name);
            if (token == null) {
                return Optional.empty();
            }
            tokens.add(token);
        }
        return Optional.of(tokens);
    }

    void save(List<String> usernames, List<String> tokens) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < usernames.size(); i++) {
            text.append(usernames.get(i)).append(' ').append(tokens.get(i)).append('\n');
        }
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
