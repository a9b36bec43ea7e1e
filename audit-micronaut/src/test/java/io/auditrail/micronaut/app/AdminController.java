package io.auditrail.micronaut.app;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;

/** An endpoint only {@code ROLE_AUDIT_ADMIN} may call, so that others are refused by Micronaut Security. */
@Controller("/admin")
@Secured("ROLE_AUDIT_ADMIN")
@Produces(MediaType.TEXT_PLAIN)
public class AdminController {

    @Get("/reports")
    public String reports() {
        return "reports";
    }
}
