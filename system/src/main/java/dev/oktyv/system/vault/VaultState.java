package dev.oktyv.system.vault;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory image of a vault's log. {@link #entries} is read without locks by {@code get}; everything
 * else changes only under the vault's commit lock, after the records it reflects are durable.
 */
final class VaultState {

    final ConcurrentHashMap<String, SealedValue> entries = new ConcurrentHashMap<>();
    /** Records in the current log file, i.e. the seq of the next record. */
    long recordCount;
    /** Bytes of all records in the log file (header excluded). */
    long recordBytes;
    /** Bytes of the records that hold live values. */
    long liveBytes;

    void applyPut(SealedValue value) {
        SealedValue old = entries.put(value.key(), value);
        if (old != null) {
            liveBytes -= old.recordLength();
        }
        liveBytes += value.recordLength();
        recordCount++;
        recordBytes += value.recordLength();
    }

    void applyDelete(String key, int recordLength) {
        SealedValue old = entries.remove(key);
        if (old != null) {
            liveBytes -= old.recordLength();
        }
        recordCount++;
        recordBytes += recordLength;
    }

    long deadBytes() {
        return recordBytes - liveBytes;
    }

    void clear() {
        entries.clear();
        recordCount = 0;
        recordBytes = 0;
        liveBytes = 0;
    }
}
