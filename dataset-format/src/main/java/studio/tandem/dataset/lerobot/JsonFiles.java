package studio.tandem.dataset.lerobot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import studio.tandem.dataset.parquet.ParquetTables;

/** JSON files as LeRobot writes them (4-space indent), replaced atomically. Stateless. */
final class JsonFiles {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFiles() {
    }

    static JsonNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + ": file is missing");
        }
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": malformed JSON at line " + e.getLocation().getLineNr()
                    + " (" + e.getOriginalMessage() + ")");
        }
    }

    static void writeAtomically(Path file, JsonNode node) throws IOException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        String text = MAPPER.writer(pp).writeValueAsString(node).replace("\" : ", "\": ");
        Path tmp = ParquetTables.tempBeside(file);
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        ParquetTables.moveAtomically(tmp, file);
    }
}
