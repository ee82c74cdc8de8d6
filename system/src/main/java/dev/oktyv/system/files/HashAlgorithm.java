package dev.oktyv.system.files;

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
}
