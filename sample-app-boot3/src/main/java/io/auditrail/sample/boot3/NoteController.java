package io.auditrail.sample.boot3;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API the page uses; Spring MVC reads and writes it with Boot 3's Jackson 2. */
@RestController
class NoteController {

    private final NoteService notes;

    NoteController(NoteService notes) {
        this.notes = notes;
    }

    /** Who is logged in, and the CSRF token the page sends with its POSTs. */
    @GetMapping("/api/session")
    Map<String, String> session(Principal user, CsrfToken csrf) {
        return Map.of("username", user.getName(), "csrfHeader", csrf.getHeaderName(), "csrfToken", csrf.getToken());
    }

    @GetMapping("/api/notes")
    List<Note> list() {
        return notes.all();
    }

    @PostMapping("/api/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Note create(@RequestBody NewNote request) {
        return notes.create(request.text());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, String> invalid(IllegalArgumentException e) {
        return Map.of("error", e.getMessage());
    }

    record NewNote(String text) {
    }
}
