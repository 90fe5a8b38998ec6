package io.seatwise.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/** Encrypts short texts kept for a while in the database (AES-256-GCM, a random nonce each), e.g. password sheets. */
@Component
public class Sealer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private final Secrets secrets;
    private volatile SecretKeySpec key;

    Sealer(Secrets secrets) {
        this.secrets = secrets;
    }

    public String seal(String text) {
        return seal(text.getBytes(StandardCharsets.UTF_8));
    }

    public String open(String sealed) {
        return new String(openBytes(sealed), StandardCharsets.UTF_8);
    }

    public String seal(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public byte[] openBytes(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, NONCE));
            return cipher.doFinal(all, NONCE, all.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed text does not open: the key changed or the row was altered", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            k = new SecretKeySpec(secrets.key("sealer"), 0, 32, "AES");
            key = k;
        }
        return k;
    }
}
