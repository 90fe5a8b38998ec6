package io.seatwise.access;

import java.security.SecureRandom;

import io.seatwise.shared.DomainException;

/** Password rules and generation for agents. */
final class Passwords {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    /** 61 symbols, 20 characters: about 118 bits of entropy. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!";
    private static final int GENERATED_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    static String generate() {
        StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    static void check(String password, String field) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw DomainException.invalid("weak-password", field,
                    "the password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw DomainException.invalid("validation", field,
                    "the password is longer than " + MAX_LENGTH + " characters");
        }
    }
}
