package dev.oktyv.system.vault;

/** Key derivation functions the header can name. The id is the byte stored in the header; never reuse one. */
public enum KdfAlgorithm {

    PBKDF2_HMAC_SHA256(1, "PBKDF2WithHmacSHA256");

    private final int headerId;
    private final String jcaName;

    KdfAlgorithm(int headerId, String jcaName) {
        this.headerId = headerId;
        this.jcaName = jcaName;
    }

    public int headerId() {
        return headerId;
    }

    String jcaName() {
        return jcaName;
    }

    static KdfAlgorithm fromHeaderId(int id) {
        for (KdfAlgorithm a : values()) {
            if (a.headerId == id) {
                return a;
            }
        }
        return null;
    }
}
