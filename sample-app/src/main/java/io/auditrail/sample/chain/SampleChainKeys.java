package io.auditrail.sample.chain;

import io.auditrail.core.tlog.NoteSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Gives the sample app its own Ed25519 checkpoint key on first start: writes the private key
 * (PKCS#8 PEM) to {@code auditrail.chain.signing-key-file} and the matching C2SP verifier key
 * ({@code <name>+<key id>+<key>}, the one line tenants and the offline verifier take) to
 * {@code auditrail.chain.public-key-file}, when they do not exist yet. Runs before any bean is
 * created, so the log finds them. A real deployment keeps the private key in a secret store and
 * never generates it in place.
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
        String keyName = environment.getProperty("auditrail.chain.origin-prefix", "auditrail");
        if (privateFile == null || publicFile == null) {
            return;
        }
        try {
            Path signingKey = Path.of(privateFile);
            if (!Files.exists(signingKey)) {
                PrivateKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
                write(signingKey, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n", true);
                log.info("Generated the sample app's checkpoint signing key in {}", signingKey);
            }
            Path verifierKey = Path.of(publicFile);
            if (!Files.exists(verifierKey)) {
                write(verifierKey, NoteSigner.ed25519(keyName, read(signingKey)).verifierKey() + "\n", false);
                log.info("Wrote the sample app's checkpoint verifier key to {}; hand it to whoever verifies proofs",
                        verifierKey);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample app's checkpoint keys", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the sample app's Ed25519 checkpoint key", e);
        }
    }

    private static PrivateKey read(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem, StandardCharsets.UTF_8).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
