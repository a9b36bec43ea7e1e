package io.auditrail.sample.boot3;

import io.auditrail.annotations.AuditMetadata;
import io.auditrail.annotations.Audited;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** Notes kept in memory: the sample is about the audit trail, not about storing notes. */
@Service
public class NoteService {

    private final Map<String, Note> notes = new ConcurrentHashMap<>();

    /**
     * Adds a note; the audit event names it and records its length, not its text.
     *
     * @param text what the note says
     * @return the stored note
     */
    @Audited(action = "note.created", resourceType = "note", resourceId = "#result.id",
            metadata = @AuditMetadata(key = "length", expression = "#text.length()"))
    public Note create(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note needs some text");
        }
        Note note = new Note(UUID.randomUUID().toString(), text.strip());
        notes.put(note.id(), note);
        return note;
    }

    /**
     * All notes, in no particular order.
     *
     * @return the notes
     */
    public List<Note> all() {
        return List.copyOf(notes.values());
    }
}
