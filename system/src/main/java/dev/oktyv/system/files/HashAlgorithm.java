package dev.oktyv.system.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Digests the File engine computes; the JDK's names, so {@code MessageDigest} (and its intrinsics) is used. */
public enum HashAlgorithm {
    SHA_256("SHA-256"), SHA_512("SHA-512");

    private final String jcaName;

    HashAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    public String jcaName() {
        return jcaName;
    }

    /** A fresh digest; every JDK ships both algorithms, so their absence is a broken JDK, not bad input. */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jcaName, e);
        }
    }
}
