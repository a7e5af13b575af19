import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Throw-away keys for the AOT training run of deploy/docker/Dockerfile.jvm (train.sh): the
 * services refuse to start without their JWT and credential keys, and the image build has none.
 * Run with the JDK's source launcher ({@code java TrainingKeys.java DIR}); writes an RSA pair
 * (private.pem, public.pem) and an EC P-256 pair (credential-signing.pem,
 * credential-signing.pub.pem). They live only in a build stage and sign nothing that leaves it.
 */
public final class TrainingKeys {
  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[0]));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    write(dir, "private.pem", "public.pem", rsa.generateKeyPair());
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    write(dir, "credential-signing.pem", "credential-signing.pub.pem", ec.generateKeyPair());
  }

  private static void write(Path dir, String privateName, String publicName, KeyPair pair)
      throws Exception {
    Files.writeString(dir.resolve(privateName), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(dir.resolve(publicName), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
