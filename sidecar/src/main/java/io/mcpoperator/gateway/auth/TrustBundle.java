package io.mcpoperator.gateway.auth;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import io.mcpoperator.gateway.config.InvalidConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the gateway fetches the issuer's discovery document and keys: HTTP(S), optionally a CA
 * bundle.
 */
final class TrustBundle {
  private static final int TIMEOUT_MS = 5_000;
  private static final int SIZE_LIMIT = 1024 * 1024;

  private TrustBundle() {}

  /** A retriever trusting the JDK's CAs, or only the PEM certificates of {@code caBundle}. */
  static ResourceRetriever retriever(Optional<Path> caBundle) {
    SSLSocketFactory tls = caBundle.map(TrustBundle::socketFactory).orElse(null);
    return new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, SIZE_LIMIT, true, tls);
  }

  static SSLSocketFactory socketFactory(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      if (i == 0) {
        throw new InvalidConfigException("auth.caBundleFile " + pem + " holds no certificate");
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidConfigException(
          "auth.caBundleFile " + pem + " cannot be read as PEM certificates: " + e.getMessage());
    }
  }
}
