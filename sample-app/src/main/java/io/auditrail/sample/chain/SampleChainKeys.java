package io.auditrail.sample.chain;

import io.auditrail.core.chain.ChainKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Gives the sample app its own Ed25519 checkpoint key on first start: writes the key pair to
 * the files {@code auditrail.chain.signing-key-file} and {@code auditrail.chain.public-key-file}
 * name, when they do not exist yet. Runs before any bean is created, so the chain finds them.
 * A real deployment keeps the private key in a secret store and never generates it in place.
 */
public final class SampleChainKeys implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(SampleChainKeys.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String privateFile = environment.getProperty("auditrail.chain.signing-key-file");
        String publicFile = environment.getProperty("auditrail.chain.public-key-file");
        if (privateFile == null || publicFile == null || Files.exists(Path.of(privateFile))) {
            return;
        }
        KeyPair pair = ChainKeys.generate();
        try {
            write(Path.of(privateFile), ChainKeys.toPem(pair.getPrivate()), true);
            write(Path.of(publicFile), ChainKeys.toPem(pair.getPublic()), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample app's checkpoint keys", e);
        }
        log.info("Generated the sample app's checkpoint signing key in {} (public key {})", privateFile, publicFile);
    }

    private static void write(Path file, String pem, boolean secret) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, pem, StandardCharsets.UTF_8);
        if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
