package io.auditrail.core.internal.stream.net;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for receivers: the JVM's default trust anchors plus the certificates of a trust store,
 * for on-premise receivers whose certificates a private CA signed (or that are self-signed). Only
 * anchors are added: chains are still validated by PKIX and host names still verified by the
 * client, so there is no way to trust every certificate.
 */
public final class ReceiverTrust {

    private ReceiverTrust() {
    }

    /**
     * The JVM's default socket factory, honouring {@code javax.net.ssl.trustStore}.
     *
     * @return the default factory
     */
    public static SSLSocketFactory jvmDefault() {
        return (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    /**
     * A socket factory trusting the JVM's default anchors and every certificate in the store.
     *
     * @param trustStore a loaded key store; its certificate entries (and the certificates of its key entries) become anchors
     * @return the factory
     * @throws IllegalArgumentException when the store holds no certificate or cannot be read
     */
    public static SSLSocketFactory withAnchorsFrom(KeyStore trustStore) {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int added = 0;
            for (String alias : Collections.list(trustStore.aliases())) {
                Certificate certificate = trustStore.getCertificate(alias);
                if (certificate instanceof X509Certificate) {
                    anchors.setCertificateEntry("store-" + added++, certificate);
                }
            }
            if (added == 0) {
                throw new IllegalArgumentException("the streams trust store holds no X.509 certificate");
            }
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            int jdk = 0;
            for (TrustManager manager : defaults.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate issuer : x509.getAcceptedIssuers()) {
                        anchors.setCertificateEntry("jvm-" + jdk++, issuer);
                    }
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the streams trust store: " + e.getMessage(), e);
        }
    }
}
