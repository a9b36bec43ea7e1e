package io.auditrail.server;

import io.auditrail.server.cli.KeysCommand;
import io.auditrail.server.tenant.TenantDirectory;
import java.io.PrintStream;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The self-hosted audit-log server. {@code java -jar audit-server.jar} serves the API;
 * {@code java -jar audit-server.jar keys ...} manages API keys on the same database and exits.
 */
@SpringBootApplication
public class AuditServerApplication {

    /**
     * Starts the server, or runs the {@code keys} command.
     *
     * @param args command line; Spring properties as {@code --name=value}
     */
    public static void main(String[] args) {
        if (args.length > 0 && "keys".equals(args[0])) {
            System.exit(runKeys(args, System.out, System.err));
        }
        SpringApplication.run(AuditServerApplication.class, args);
    }

    /**
     * Runs the {@code keys} command in a context without a web server.
     *
     * @param args the command line, starting with {@code keys}
     * @param out where results go
     * @param err where errors go
     * @return the exit code
     */
    public static int runKeys(String[] args, PrintStream out, PrintStream err) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AuditServerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=WARN")
                .run(args)) {
            return new KeysCommand(context.getBean(TenantDirectory.class)).run(args, out, err);
        }
    }
}
