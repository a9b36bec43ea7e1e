package io.auditrail.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.chain.ChainKeys;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * C2SP signed notes. The keys, text and signatures of the first tests are the vectors of Go's
 * reference implementation, golang.org/x/mod {@code sumdb/note/note_test.go} (commit
 * fe2ec04f7c3c3aa6fad97631aafcff6e49e2d1db, BSD-3-Clause): {@code TestNewVerifier},
 * {@code TestNewSigner}, {@code TestSign} and {@code TestOpen}.
 */
class SignedNoteTest {

    private static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    @Test
    void signsExactlyAsTheReferenceImplementation() {
        NoteSigner signer = NoteSigner.parse(PETER_SKEY);

        assertThat(signer.keyName()).isEqualTo("PeterNeumann");
        assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
        assertThat(signer.verifierKey()).isEqualTo(PETER_VKEY);
        assertThat(signer.sign(new SignedNote(TEXT, List.of())).format()).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void verifiesTheReferenceSignaturesAndNothingElse() {
        SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);

        assertThat(note.body()).isEqualTo(TEXT);
        assertThat(note.signatures()).extracting(SignedNote.Signature::keyName).containsExactly("PeterNeumann", "EnochRoot");
        assertThat(note.format()).isEqualTo(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        assertThat(NoteVerifier.parse(PETER_VKEY).verify(note)).isTrue();
        assertThat(NoteVerifier.parse(ENOCH_VKEY).verify(note)).isTrue();
        assertThat(NoteVerifier.parse(PETER_VKEY).verify(SignedNote.parse(TEXT + "\n" + ENOCH_SIG))).isFalse();
        assertThat(NoteVerifier.parse(PETER_VKEY).verify(SignedNote.parse(TEXT.replace("answer", "ANSWER") + "\n" + PETER_SIG)))
                .as("changed body").isFalse();
    }

    @Test
    void refusesEveryManglingOfTheReferenceKeys() {
        assertAllManglingsRefused(PETER_VKEY, NoteVerifier::parse);
        assertAllManglingsRefused(PETER_SKEY, NoteSigner::parse);
        assertThatThrownBy(() -> NoteVerifier.parse(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519");
    }

    @Test
    void aJdkKeyPairSignsAndItsPemVerifies() {
        KeyPair pair = ChainKeys.generate();
        NoteSigner signer = NoteSigner.ed25519("audit.example.com", ChainKeys.privateKey(ChainKeys.toPem(pair.getPrivate())));
        LogCheckpoint checkpoint = new LogCheckpoint("auditrail/org/acme", 42, new byte[32]);
        SignedNote note = signer.sign(checkpoint);

        assertThat(note.body()).isEqualTo("auditrail/org/acme\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
        assertThat(signer.verifier().verify(note)).isTrue();
        assertThat(NoteVerifier.fromText(signer.verifierKey(), null).verify(note)).isTrue();
        assertThat(NoteVerifier.fromText(ChainKeys.toPem(pair.getPublic()), null).verify(note)).isTrue();
        String bareBase64 = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        assertThat(NoteVerifier.fromText(bareBase64, null).verify(note)).as(bareBase64).isTrue();
        assertThat(NoteVerifier.fromText(ChainKeys.toPem(pair.getPublic()), "audit.example.com").verify(note)).isTrue();
        assertThat(NoteVerifier.fromText(ChainKeys.toPem(pair.getPublic()), "someone.else").verify(note))
                .as("the key name is part of the key id").isFalse();
        assertThat(NoteVerifier.of(null, ChainKeys.generate().getPublic()).verify(note)).as("another key").isFalse();
        assertThat(LogCheckpoint.parse(SignedNote.parse(note.format()).body())).isEqualTo(checkpoint);
        assertThatThrownBy(() -> NoteVerifier.fromText("not a key", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither a note verifier key");
    }

    @Test
    void aForgedSignatureUnderTheRightKeyIdFailsEvenBesideAValidOne() {
        NoteSigner signer = NoteSigner.parse(PETER_SKEY);
        SignedNote valid = signer.sign(new SignedNote(TEXT, List.of()));
        byte[] forged = valid.signatures().get(0).signature();
        forged[5] ^= 1;
        SignedNote both = new SignedNote(TEXT, List.of(valid.signatures().get(0),
                new SignedNote.Signature("PeterNeumann", signer.keyId(), forged)));

        assertThat(signer.verifier().verify(both)).isFalse();
        assertThat(signer.verifier().verify(new SignedNote(TEXT, List.of()))).as("unsigned").isFalse();
    }

    @Test
    void malformedNotesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> SignedNote.parse(TEXT + PETER_SIG)).hasMessageContaining("blank line");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.trim())).hasMessageContaining("newline-terminated");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n- PeterNeumann AAAA\n")).hasMessageContaining("em dash");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n\u2014 PeterNeumann !!!!\n")).hasMessageContaining("base64");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n\u2014 PeterNeumann AAAA\n")).hasMessageContaining("4-byte key id");
        assertThatThrownBy(() -> SignedNote.parse("a\rb\n\n" + PETER_SIG)).hasMessageContaining("control character");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n\u2014 a+b x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"))
                .hasMessageContaining("key name");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(SignedNote.MAX_SIGNATURES + 1)))
                .hasMessageContaining("at most 100");
        assertThatThrownBy(() -> new SignedNote("no newline", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkpointBodiesAreStrict() {
        String root = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(LogCheckpoint.parse("o\n0\n" + root + "\n").size()).isZero();
        assertThatThrownBy(() -> LogCheckpoint.parse("o\n007\n" + root + "\n")).hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> LogCheckpoint.parse("o\n-1\n" + root + "\n")).hasMessageContaining("decimal");
        assertThatThrownBy(() -> LogCheckpoint.parse("o\n1\n" + root + "\nextension\n")).hasMessageContaining("3 lines");
        assertThatThrownBy(() -> LogCheckpoint.parse("o\n1\nAAAA\n")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> LogCheckpoint.parse("o\n1\n" + root)).hasMessageContaining("newline");
        assertThatThrownBy(() -> LogCheckpoint.parse("o\n99999999999999999999\n" + root + "\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogCheckpoint(" ", 1, new byte[32])).hasMessageContaining("origin");
    }

    @Test
    void originsAreInjectiveAndReadBack() {
        List<String> organizations = List.of("acme", "a/b", "a%2Fb", "no-organization", "org/x", "ä ö+ü", "A", "a");
        List<String> origins = new ArrayList<>();
        for (String organization : organizations) {
            LogOrigin origin = LogOrigin.of("auditrail", organization);
            origins.add(origin.value());
            assertThat(origin.value()).doesNotContain(" ", "+").startsWith("auditrail/org/");
            assertThat(LogOrigin.parse("auditrail", origin.value())).isEqualTo(origin);
        }
        origins.add(LogOrigin.of("auditrail", null).value());
        assertThat(origins).doesNotHaveDuplicates();
        assertThat(LogOrigin.of("auditrail", "a/b").value()).isEqualTo("auditrail/org/a%2Fb");
        assertThat(LogOrigin.of("auditrail", null).value()).isEqualTo("auditrail/no-organization");
        assertThat(LogOrigin.parse("auditrail", "auditrail/no-organization").organizationId()).isNull();
        for (String bad : List.of("auditrail/org/a%2fb", "auditrail/org/%41", "auditrail/org/", "auditrail/org/a%2",
                "other/org/acme", "auditrail/org/a b")) {
            assertThatThrownBy(() -> LogOrigin.parse("auditrail", bad)).as(bad).hasMessageContaining("not a log origin");
        }
        assertThatThrownBy(() -> LogOrigin.of("audit rail", "acme")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> LogOrigin.of("auditrail", "")).hasMessageContaining("empty");
    }

    private static void assertAllManglingsRefused(String key, java.util.function.Function<String, ?> parser) {
        int refused = 0;
        for (int i = 0; i <= key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) {
                if (i != 0 || j != key.length()) {
                    String part = key.substring(i, j);
                    assertThatThrownBy(() -> parser.apply(part)).as(part).isInstanceOf(IllegalArgumentException.class);
                    refused++;
                }
            }
        }
        char[] chars = key.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i]++;
            String mangled = new String(chars);
            assertThatThrownBy(() -> parser.apply(mangled)).as(mangled).isInstanceOf(IllegalArgumentException.class);
            chars[i]--;
            refused++;
        }
        assertThat(refused).isGreaterThan(key.length() * key.length() / 2);
    }
}
