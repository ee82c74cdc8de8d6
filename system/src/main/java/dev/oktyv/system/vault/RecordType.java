package dev.oktyv.system.vault;

/** The kind of a log record; the id is the byte in the file and part of the record's AAD. */
enum RecordType {
    PUT(1),
    DELETE(2);

    final int id;

    RecordType(int id) {
        this.id = id;
    }

    static RecordType fromId(int id) {
        return id == 1 ? PUT : id == 2 ? DELETE : null;
    }
}
