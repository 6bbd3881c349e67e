package dev.yolocam.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.io.OsReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local engine's manifest, {@code journal.jsonl}: one line per finished image, {@code {"image": key, "rows":
 * [...]}}, appended and forced to the disk only after the image's maps are in place. A line is an image's whole
 * result or nothing: a run killed while appending leaves at most an unterminated last line, which opening the
 * journal again cuts off (that image is audited again).
 */
final class AuditJournal implements AutoCloseable {
    static final String FILE = "journal.jsonl";

    private final Path file;
    private final Map<String, List<AuditRow>> done;
    private final FileChannel channel;

    private AuditJournal(Path file, Map<String, List<AuditRow>> done, FileChannel channel) {
        this.file = file;
        this.done = done;
        this.channel = channel;
    }

    /** Opens the journal in {@code folder}, reading what an earlier run finished and cutting off a torn last line. */
    static AuditJournal open(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            Map<String, List<AuditRow>> done = new LinkedHashMap<>();
            int complete = 0;
            for (int start = 0; start < bytes.length; ) {
                int end = indexOf(bytes, (byte) '\n', start);
                if (end < 0) {
                    break; // torn: the run stopped while appending this line
                }
                String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
                Map.Entry<String, List<AuditRow>> entry = parse(line, file);
                done.put(entry.getKey(), entry.getValue());
                start = end + 1;
                complete = start;
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(complete);
            channel.position(complete);
            return new AuditJournal(file, done, channel);
        } catch (IOException e) {
            throw new YolocamException(file, "cannot open the audit's journal: " + OsReason.of(e, file), e);
        }
    }

    /** The images an earlier run finished, with their rows. */
    Map<String, List<AuditRow>> done() {
        return done;
    }

    /** Records a finished image: one line, on the disk when this returns. */
    void append(ImageAudit audit) {
        ObjectNode line = AuditRows.mapper().createObjectNode();
        line.put("image", audit.key());
        ArrayNode rows = line.putArray("rows");
        audit.rows().forEach(r -> rows.add(AuditRows.mapper().valueToTree(r)));
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new YolocamException(file, "cannot write the audit's journal: " + OsReason.of(e, file), e);
        }
        done.put(audit.key(), audit.rows());
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lines are forced already
        }
    }

    private static Map.Entry<String, List<AuditRow>> parse(String line, Path file) {
        try {
            JsonNode node = AuditRows.mapper().readTree(line);
            List<AuditRow> rows = new ArrayList<>();
            for (JsonNode row : node.get("rows")) {
                rows.add(AuditRows.mapper().treeToValue(row, AuditRow.class));
            }
            return Map.entry(node.get("image").asText(), rows);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new YolocamException(file, "is damaged (a complete line is not an audited image); --exist-ok "
                    + "starts the audit over", e);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
