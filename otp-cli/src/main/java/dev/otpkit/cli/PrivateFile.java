package dev.otpkit.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file that holds a secret (the QR code's PNG): always a new regular file, never
 * through a symbolic link, readable and writable by its owner only.
 *
 * <p>An existing path of any kind (file, directory, FIFO, symbolic link, even one that points
 * nowhere) is refused rather than replaced: replacing would write the secret into whatever the
 * link points at, block on a FIFO, or keep an existing file's wider permissions, and a mistyped
 * name would destroy a file. {@code CREATE_NEW} makes the check and the creation one atomic step
 * (POSIX {@code O_CREAT | O_EXCL}, which also refuses a symbolic link), so nothing can be swapped
 * in between.
 */
final class PrivateFile {
    private static final Set<OpenOption> NEW_FILE =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final Set<OpenOption> NEW_FILE_NOT_A_LINK =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private PrivateFile() {
    }

    /**
     * Creates the file and writes the bytes. On a POSIX file system the file is created with mode
     * 0600 in the same system call that creates it (the umask can only narrow it), not changed
     * afterwards. A file system without POSIX permissions (Windows) creates it with its default
     * access control, which on Windows the file inherits from its folder; it is still created
     * only as a new file and never through a link. If writing fails after the creation, the
     * partial file is deleted.
     *
     * @param file where to write; must not exist
     * @param bytes the content
     * @throws java.nio.file.FileAlreadyExistsException if anything exists at {@code file},
     *     a dangling symbolic link included
     * @throws IOException if the file cannot be created or written; {@link #reason} words it
     */
    static void createNew(Path file, byte[] bytes) throws IOException {
        SeekableByteChannel channel = open(file);
        try (channel) {
            ByteBuffer remaining = ByteBuffer.wrap(bytes);
            while (remaining.hasRemaining()) {
                channel.write(remaining);
            }
        } catch (IOException e) {
            // Closed by now. A truncated PNG may still hold part of the secret, and it is ours.
            deleteAfterFailure(file, e);
            throw e;
        }
    }

    private static void deleteAfterFailure(Path file, IOException failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static SeekableByteChannel open(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.newByteChannel(file, NEW_FILE_NOT_A_LINK, OWNER_ONLY);
        }
        try {
            return Files.newByteChannel(file, NEW_FILE_NOT_A_LINK);
        } catch (IllegalArgumentException | UnsupportedOperationException noLinks) {
            // A file system without links, such as a zip file, may refuse NOFOLLOW_LINKS.
            return Files.newByteChannel(file, NEW_FILE);
        }
    }

    /**
     * Words a failure to write for a one-line message: the operating system's reason (such as
     * "No space left on device"), never a Java class name.
     *
     * @param failure what {@link #createNew} threw
     * @return for example {@code "permission denied"} or {@code "no such directory"}
     */
    static String reason(IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof NoSuchFileException) {
            return "no such directory";
        }
        String reason = failure instanceof FileSystemException
                ? ((FileSystemException) failure).getReason() : failure.getMessage();
        return reason == null || reason.isBlank() ? "input/output error" : reason;
    }
}
