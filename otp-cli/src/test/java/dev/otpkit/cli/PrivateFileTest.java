package dev.otpkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFileTest {
    private static final byte[] CONTENT = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    /** EnrollCommandTest writes where it cannot; these are the failures a test running as root cannot cause. */
    @Test
    void wordsFailuresAsTheSystemDoesWithoutJavaClassNames() {
        assertEquals("permission denied", PrivateFile.reason(new AccessDeniedException("/x/a.png")));
        assertEquals("no such directory", PrivateFile.reason(new NoSuchFileException("/x/a.png")));
        assertEquals("No space left on device",
                PrivateFile.reason(new FileSystemException("/x/a.png", null, "No space left on device")));
        assertEquals("No space left on device", PrivateFile.reason(new IOException("No space left on device")));
        assertEquals("input/output error", PrivateFile.reason(new IOException()));
        assertEquals("input/output error", PrivateFile.reason(new FileSystemException("/x/a.png")));
    }

    /** A zip file system has no POSIX permissions: the file is made with the file system's defaults. */
    @Test
    void writesOnAFileSystemWithoutPosixPermissions() throws IOException {
        URI zip = URI.create("jar:" + dir.resolve("fs.zip").toUri());
        try (FileSystem zipFs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Path png = zipFs.getPath("/alice.png");

            PrivateFile.createNew(png, CONTENT);

            assertArrayEquals(CONTENT, Files.readAllBytes(png));
            assertThrows(FileAlreadyExistsException.class, () -> PrivateFile.createNew(png, CONTENT));
        }
    }
}
