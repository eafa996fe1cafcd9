package io.ieum.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.ieum.core.model.BlobInfo;
import io.ieum.core.store.BlobTooLargeException;

/**
 * Blob bytes as files: {@code blobs/ab/cd/<sha256>}. Content streams through a SHA-256 digest into
 * a temp file under {@code blobs/tmp} (same file system), is fsynced, then atomically renamed to
 * its name; a file under its final name is always complete.
 */
final class BlobFiles {

    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path tmp;

    BlobFiles(Path root) throws IOException {
        this.root = root;
        this.tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
    }

    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** Writes {@code content} to its content-addressed file; nothing is left behind on failure. */
    BlobInfo write(InputStream content, long maxBytes) throws IOException {
        Path part = Files.createTempFile(tmp, "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size = copy(new DigestInputStream(content, digest), part, maxBytes);
            BlobInfo info = new BlobInfo(HexFormat.of().formatHex(digest.digest()), size);
            Path target = pathOf(info.sha256());
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                syncDirectory(target.getParent());
            }
            return info;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static long copy(InputStream in, Path part, long maxBytes) throws IOException {
        long size = 0;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                size += n;
                if (size > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            channel.force(true);
        }
        return size;
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open directories; the rename is still atomic there.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
